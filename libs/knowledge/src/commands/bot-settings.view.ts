import { ApiProperty } from '@nestjs/swagger';
import { BotSettingsFields } from '../domain/bot-defaults';
import { BusinessHours } from '../domain/bot-settings.entity';
import { CurrentBotSettings } from './bot-settings-store';

export class LlmApiKeyView {
  @ApiProperty({ description: 'Whether a key is stored (it is never shown)' })
  configured: boolean;

  @ApiProperty({ nullable: true, type: String, example: 'x9Qa', description: 'The last 4 characters of the key' })
  last4: string | null;
}

export class LlmProviderView {
  @ApiProperty({ example: 'https://api.openai.com/v1' })
  baseUrl: string;

  @ApiProperty({ example: 'gpt-4o-mini' })
  model: string;

  @ApiProperty({ type: LlmApiKeyView })
  apiKey: LlmApiKeyView;
}

export class BotSettingsView {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.45, description: 'The lowest FAQ match score the bot answers with' })
  matchThreshold: number;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone of the business hours' })
  timezone: string;

  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
    example: { mon: [['09:00', '13:00'], ['14:00', '18:00']], sat: [['10:00', '14:00']] },
    description: 'Ranges per weekday (mon … sun) in the time zone; a day left out is closed; null: always open',
  })
  businessHours: BusinessHours | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { en: ['human', 'operator'], ru: ['оператор'] },
    description: 'Locale → phrases that make the bot hand the conversation to a person',
  })
  handoffKeywords: Record<string, string[]>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { en: ['how much', 'price'], ru: ['сколько стоит', 'цена'] },
    description: 'Locale → phrases that make the bot read the message for a catalogue price',
  })
  priceKeywords: Record<string, string[]>;

  @ApiProperty({ example: 'en', description: "The language used when the customer's is unknown" })
  defaultLocale: string;

  @ApiProperty({ nullable: true, type: LlmProviderView, description: 'An OpenAI-compatible provider; null: no LLM' })
  llm: LlmProviderView | null;

  @ApiProperty({ description: 'Bumped by every change; also the ETag (0: the defaults, never saved)' })
  version: number;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  updatedAt: string | null;
}

/** What the API (and the audit log) shows of the LLM provider: never the key, only whether there is one and its last 4 characters. */
export const toLlmProviderView = (settings: BotSettingsFields): LlmProviderView | null =>
  settings.llm === null ? null : { ...settings.llm, apiKey: { configured: settings.llmApiKeySealed !== null, last4: settings.llmApiKeyHint } };

export const toBotSettingsView = (settings: CurrentBotSettings): BotSettingsView => ({
  matchThreshold: settings.matchThreshold,
  timezone: settings.timezone,
  businessHours: settings.businessHours,
  handoffKeywords: settings.handoffKeywords,
  priceKeywords: settings.priceKeywords,
  defaultLocale: settings.defaultLocale,
  llm: toLlmProviderView(settings),
  version: settings.version,
  updatedAt: settings.updatedAt?.toISOString() ?? null,
});
