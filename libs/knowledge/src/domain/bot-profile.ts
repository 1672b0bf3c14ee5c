import { BotSettingsFields, BotTexts, DEFAULT_BOT_TEXTS, defaultBotTexts } from './bot-defaults';
import { BOT_TEXT_KEYS, BotText, BotTextKey } from './bot-text.entity';
import { isOpenAt } from './business-hours';
import { phrasesFor } from './locale-phrases';
import { primarySubtag } from './locale';

/** Everything the bot pipeline needs to know about a tenant's bot for one customer message. */
export interface BotProfile {
  /** The locale the texts are in: the one asked for if the bot has texts in it, else its language (`ru-RU` → `ru`), else the default locale. */
  locale: string;
  /** The lowest FAQ match score (0..1) to answer with. */
  matchThreshold: number;
  /** Whether the business is open at the instant asked about (always, without business hours). */
  openNow: boolean;
  /** Phrases that ask for a person, in the resolved and the default locale, lower-cased, each once. */
  handoffKeywords: string[];
  /** Phrases that ask for a price, the same way. */
  priceKeywords: string[];
  /** Every text: the resolved locale's, then the default locale's, then the built-in ones. */
  texts: BotTexts;
  /** Whether an LLM provider with an API key is set up. */
  llmConfigured: boolean;
}

export type BotProfileText = Pick<BotText, 'key' | 'locale' | 'text'>;

/**
 * The locale a customer is answered in. Tags compare case-insensitively (Telegram sends `pt-br`),
 * and the answer is spelt as the bot's texts spell it. The built-in locales always have texts.
 */
export function resolveBotLocale(requested: string | null, textLocales: readonly string[], defaultLocale: string): string {
  const known = new Map([...Object.keys(DEFAULT_BOT_TEXTS), ...textLocales].map((locale) => [locale.toLowerCase(), locale]));
  const candidates = requested === null ? [] : [requested, primarySubtag(requested)];
  for (const candidate of candidates) {
    const found = known.get(candidate.toLowerCase());
    if (found !== undefined) return found;
  }
  return defaultLocale;
}

export function buildBotProfile(settings: BotSettingsFields, texts: readonly BotProfileText[], requested: string | null, at: Date): BotProfile {
  const locale = resolveBotLocale(requested, texts.map((text) => text.locale), settings.defaultLocale);
  const stored = (wanted: string) => new Map(texts.filter((text) => text.locale.toLowerCase() === wanted.toLowerCase()).map((text) => [text.key, text.text]));
  const sources = [stored(locale), stored(settings.defaultLocale)];
  const builtIn = defaultBotTexts(primarySubtag(locale)) ?? defaultBotTexts(primarySubtag(settings.defaultLocale)) ?? DEFAULT_BOT_TEXTS.en;
  const textOf = (key: BotTextKey): string => sources.find((source) => source.has(key))?.get(key) ?? builtIn[key];
  return {
    locale,
    matchThreshold: settings.matchThreshold,
    openNow: isOpenAt(settings.businessHours, settings.timezone, at),
    handoffKeywords: phrasesFor(settings.handoffKeywords, [locale, settings.defaultLocale]),
    priceKeywords: phrasesFor(settings.priceKeywords, [locale, settings.defaultLocale]),
    texts: Object.fromEntries(BOT_TEXT_KEYS.map((key) => [key, textOf(key)])) as BotTexts,
    llmConfigured: settings.llm !== null && settings.llmApiKeySealed !== null,
  };
}
