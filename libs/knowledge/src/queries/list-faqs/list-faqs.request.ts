import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageRequest } from '@saler/platform';
import { LOCALE_MESSAGE, LOCALE_PATTERN } from '../../domain/locale';
import { FAQ_STATUSES, FaqStatus } from '../../domain/faq.entity';

export class ListFaqsRequest extends PageRequest {
  @ApiPropertyOptional({ enum: FAQ_STATUSES })
  @IsOptional()
  @IsIn(FAQ_STATUSES)
  status?: FaqStatus;

  @ApiPropertyOptional({ description: 'Exactly this category' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  category?: string;

  @ApiPropertyOptional({ example: 'en', description: 'Exactly this locale' })
  @IsOptional()
  @Matches(LOCALE_PATTERN, { message: LOCALE_MESSAGE })
  locale?: string;

  @ApiPropertyOptional({ description: 'Part of the question; case, punctuation and script are ignored (for typo-tolerant matching use /faqs/match)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
