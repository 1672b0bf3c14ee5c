import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches, MaxLength } from 'class-validator';
import { OptionalNotNull } from '@saler/platform';
import { LOCALE_MESSAGE, LOCALE_PATTERN, MAX_LOCALE_LENGTH } from '../../domain/locale';

export class ListBotTextsRequest {
  @ApiPropertyOptional({ example: 'en', description: 'Exactly this locale' })
  @OptionalNotNull()
  @MaxLength(MAX_LOCALE_LENGTH)
  @Matches(LOCALE_PATTERN, { message: LOCALE_MESSAGE })
  locale?: string;
}
