/**
 * Model search keys: brand, model and alias names, and every query, reduced to the shared search
 * key of @saler/platform (Latin and Cyrillic spellings, transliterations and common misspellings meet).
 */
import { cyrillicToLatin, normaliseText, phoneticKey, searchKey } from '@saler/platform';

export interface ParsedModelQuery {
  /** The search key of the query without its year. */
  key: string;
  /** A model year the query names ("camry 2015"), if any. */
  year: number | null;
}

/** Splits a model year (1950–2099) off a free-text query: "camri 2015" → key "kamri", year 2015. */
export function parseModelQuery(query: string): ParsedModelQuery {
  const words = normaliseText(query).split(' ');
  const yearAt = words.findIndex((word) => /^(19[5-9]\d|20\d\d)$/.test(word));
  const year = yearAt >= 0 && words.length > 1 ? Number(words[yearAt]) : null;
  const rest = year === null ? words : words.filter((_word, index) => index !== yearAt);
  return { key: phoneticKey(cyrillicToLatin(rest.join(' '))), year };
}

/**
 * The keys a model is found by: each of its names (name and aliases) alone, and after each of its
 * brand's names. Deduplicated, empty ones dropped.
 */
export function modelSearchTerms(brand: { name: string; aliases: string[] }, model: { name: string; aliases: string[] }): string[] {
  const brandKeys = [brand.name, ...brand.aliases].map(searchKey).filter((key) => key !== '');
  const modelKeys = [model.name, ...model.aliases].map(searchKey).filter((key) => key !== '');
  const terms = new Set<string>(modelKeys);
  for (const brandKey of brandKeys) for (const modelKey of modelKeys) terms.add(`${brandKey} ${modelKey}`);
  return [...terms].map((term) => term.slice(0, MAX_TERM_LENGTH));
}

export const MAX_TERM_LENGTH = 300;
