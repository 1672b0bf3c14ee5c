/** Phrase lists per locale in the bot settings: what asks for a person (handoffKeywords), what asks for a price (priceKeywords). */
import { isLocale } from './locale';

export type LocalePhrases = Record<string, string[]>;

export const MAX_PHRASE_LOCALES = 20;
export const MAX_PHRASES = 30;
export const MAX_PHRASE_LENGTH = 100;

/** What is wrong with the settings field's locale → phrases map, or null: each locale a language tag with 1–30 phrases of 1–100 characters. */
export const localePhrasesProblem =
  (field: string) =>
  (value: unknown): string | null => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${field} must be an object of locale → phrases`;
    const entries = Object.entries(value);
    if (entries.length > MAX_PHRASE_LOCALES) return `${field} may name at most ${MAX_PHRASE_LOCALES} locales`;
    for (const [locale, phrases] of entries) {
      if (!isLocale(locale)) return `${field} has "${locale}", which is not a language tag such as en or pt-BR`;
      if (!Array.isArray(phrases) || phrases.length === 0 || phrases.length > MAX_PHRASES) return `${field}.${locale} must be a list of 1 to ${MAX_PHRASES} phrases`;
      const bad = phrases.findIndex((phrase) => typeof phrase !== 'string' || phrase.trim() === '' || phrase.trim().length > MAX_PHRASE_LENGTH);
      if (bad >= 0) return `${field}.${locale}.${bad} must be a phrase of 1 to ${MAX_PHRASE_LENGTH} characters`;
    }
    return null;
  };

/** The phrases as stored: trimmed. */
export const trimLocalePhrases = (phrases: LocalePhrases): LocalePhrases => Object.fromEntries(Object.entries(phrases).map(([locale, list]) => [locale, list.map((phrase) => phrase.trim())]));

/** The phrases of these locales, in their order (tags compared case-insensitively), lower-cased, each once. */
export function phrasesFor(phrases: LocalePhrases, locales: readonly string[]): string[] {
  const byLocale = new Map(Object.entries(phrases).map(([locale, list]) => [locale.toLowerCase(), list]));
  return [...new Set(locales.flatMap((locale) => byLocale.get(locale.toLowerCase()) ?? []).map((phrase) => phrase.toLowerCase()))];
}
