import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches, MaxLength } from 'class-validator';
import { BOT_TEXT_KEYS, BotTextKey } from '../../domain/bot-text.entity';
import { LOCALE_MESSAGE, LOCALE_PATTERN, MAX_LOCALE_LENGTH } from '../../domain/locale';

/** The path of one bot text: `/bot-texts/{key}/{locale}`. */
export class BotTextAddress {
  @ApiProperty({ enum: BOT_TEXT_KEYS })
  @IsIn(BOT_TEXT_KEYS, { message: `key must be one of: ${BOT_TEXT_KEYS.join(', ')}` })
  key: BotTextKey;

  @ApiProperty({ example: 'en', description: 'BCP 47 language tag' })
  @MaxLength(MAX_LOCALE_LENGTH)
  @Matches(LOCALE_PATTERN, { message: LOCALE_MESSAGE })
  locale: string;
}
