import { ApiProperty } from '@nestjs/swagger';
import { BOT_TEXT_KEYS, BotText, BotTextKey } from '../domain/bot-text.entity';

export class BotTextView {
  @ApiProperty({ enum: BOT_TEXT_KEYS })
  key: BotTextKey;

  @ApiProperty({ example: 'en' })
  locale: string;

  @ApiProperty({ example: 'Hello! Thanks for getting in touch.' })
  text: string;

  @ApiProperty({ description: 'Bumped by every change; also the ETag' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class BotTextList {
  @ApiProperty({ type: [BotTextView], description: 'By locale, then key' })
  data: BotTextView[];
}

export const toBotTextView = (text: BotText): BotTextView => ({
  key: text.key,
  locale: text.locale,
  text: text.text,
  version: text.version,
  updatedAt: text.updatedAt.toISOString(),
});
