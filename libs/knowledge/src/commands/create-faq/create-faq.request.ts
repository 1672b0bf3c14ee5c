import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';
import { FAQ_STATUSES, FaqStatus } from '../../domain/faq.entity';
import { LOCALE_MESSAGE, LOCALE_PATTERN } from '../../domain/locale';

export class CreateFaqRequest {
  @ApiProperty({ example: 'What is the delivery time?' })
  @Trim()
  @IsString()
  @Length(1, 500)
  question: string;

  @ApiProperty({ example: 'Two to three working days.' })
  @Trim()
  @IsString()
  @Length(1, 4000)
  answer: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'delivery' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 100)
  category?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'en', description: 'BCP 47 language tag; null (the default) matches any language' })
  @IsOptional()
  @Matches(LOCALE_PATTERN, { message: LOCALE_MESSAGE })
  locale?: string | null;

  @ApiPropertyOptional({ enum: FAQ_STATUSES, default: 'active', description: 'Only active FAQs are matched' })
  @OptionalNotNull()
  @IsIn(FAQ_STATUSES)
  status?: FaqStatus;
}
