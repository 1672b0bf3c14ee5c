import { searchKey, trigrams, trigramSimilarity } from '@saler/platform';

/** Below this trigram similarity a question is not a match. */
export const FAQ_MIN_SCORE = 0.2;

/** The key an FAQ's question is stored and matched by (Latin and Cyrillic spellings meet; see search-key.ts). */
export const questionKey = (question: string): string => searchKey(question).slice(0, 500);

export interface FaqCandidate {
  id: string;
  questionKey: string;
}

export interface FaqScore {
  id: string;
  score: number;
}

/** Scores are rounded to 4 decimals, so both drivers print the same figures. */
export const roundScore = (score: number): number => Math.round(score * 10_000) / 10_000;

/**
 * The in-process ranking (SQLite has no pg_trgm): trigram similarity of the query's key to each
 * question key, at least FAQ_MIN_SCORE, best first, ties by id, the same order PostgreSQL gives.
 */
export function rankFaqs(key: string, candidates: readonly FaqCandidate[], limit: number): FaqScore[] {
  if (key === '') return [];
  const wanted = trigrams(key);
  return candidates
    .map((candidate) => ({ id: candidate.id, score: trigramSimilarity(wanted, candidate.questionKey) }))
    .filter((hit) => hit.score >= FAQ_MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
