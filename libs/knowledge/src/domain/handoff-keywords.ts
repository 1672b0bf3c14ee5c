import { isLocale } from './locale';

export const MAX_HANDOFF_LOCALES = 20;
export const MAX_HANDOFF_PHRASES = 30;
export const MAX_HANDOFF_PHRASE_LENGTH = 100;

/** What is wrong with a locale → phrases map, or null: each locale a language tag with 1–30 phrases of 1–100 characters. */
export function handoffKeywordsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'handoffKeywords must be an object of locale → phrases';
  const entries = Object.entries(value);
  if (entries.length > MAX_HANDOFF_LOCALES) return `handoffKeywords may name at most ${MAX_HANDOFF_LOCALES} locales`;
  for (const [locale, phrases] of entries) {
    if (!isLocale(locale)) return `handoffKeywords has "${locale}", which is not a language tag such as en or pt-BR`;
    if (!Array.isArray(phrases) || phrases.length === 0 || phrases.length > MAX_HANDOFF_PHRASES) return `handoffKeywords.${locale} must be a list of 1 to ${MAX_HANDOFF_PHRASES} phrases`;
    const bad = phrases.findIndex((phrase) => typeof phrase !== 'string' || phrase.trim() === '' || phrase.trim().length > MAX_HANDOFF_PHRASE_LENGTH);
    if (bad >= 0) return `handoffKeywords.${locale}.${bad} must be a phrase of 1 to ${MAX_HANDOFF_PHRASE_LENGTH} characters`;
  }
  return null;
}

/** The phrases as stored: trimmed. */
export const trimHandoffKeywords = (keywords: Record<string, string[]>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(keywords).map(([locale, phrases]) => [locale, phrases.map((phrase) => phrase.trim())]));

/** The phrases of these locales, in their order (tags compared case-insensitively), lower-cased, each once. */
export function handoffPhrasesFor(keywords: Record<string, string[]>, locales: readonly string[]): string[] {
  const byLocale = new Map(Object.entries(keywords).map(([locale, phrases]) => [locale.toLowerCase(), phrases]));
  return [...new Set(locales.flatMap((locale) => byLocale.get(locale.toLowerCase()) ?? []).map((phrase) => phrase.toLowerCase()))];
}
