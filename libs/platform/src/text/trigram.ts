/**
 * Trigram similarity as pg_trgm computes it, for SQLite (which has no pg_trgm): each word (a run
 * of letters and digits) is padded with two spaces in front and one behind, its 3-character
 * windows form a set, and similarity is |A ∩ B| / |A ∪ B|. On the ASCII search keys of
 * search-key.ts both give the same figures, so rankings agree across drivers.
 */
export function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) set.add(padded.slice(i, i + 3));
  }
  return set;
}

export function trigramSimilarity(a: string | Set<string>, b: string | Set<string>): number {
  const left = typeof a === 'string' ? trigrams(a) : a;
  const right = typeof b === 'string' ? trigrams(b) : b;
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared += 1;
  return shared / (left.size + right.size - shared);
}
