import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';
import { LOCALE_MESSAGE, LOCALE_PATTERN } from '../../domain/locale';

export const MAX_FAQ_MATCHES = 20;

export class MatchFaqsRequest {
  @ApiProperty({ example: 'delivry time?', description: 'What the customer wrote, in Latin or Cyrillic; typos are tolerated' })
  @Trim()
  @IsString()
  @Length(1, 500)
  q: string;

  @ApiPropertyOptional({ example: 'en', description: 'Only FAQs in this locale, and those for any locale' })
  @OptionalNotNull()
  @Matches(LOCALE_PATTERN, { message: LOCALE_MESSAGE })
  locale?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FAQ_MATCHES, default: 5 })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FAQ_MATCHES)
  limit?: number;
}
