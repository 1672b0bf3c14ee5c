import { trigrams, trigramSimilarity } from './trigram';

describe('trigram similarity (pg_trgm semantics)', () => {
  it('pads each word with two spaces in front and one behind', () => {
    expect([...trigrams('cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat'].sort());
    expect([...trigrams('a 4')].sort()).toEqual(['  a', ' a ', '  4', ' 4 '].sort());
    expect(trigrams('  --  ').size).toBe(0);
  });

  it('counts each trigram once', () => {
    expect(trigrams('aaaa').size).toBe(4);
    expect(trigrams('rav rav').size).toBe(trigrams('rav').size);
  });

  it('is |shared| / |union|, symmetric, 1 for equal and 0 for disjoint or empty text', () => {
    // pg_trgm: SELECT similarity('kamri', 'toiota kamri') = 0.46153846
    expect(trigramSimilarity('kamri', 'toiota kamri')).toBeCloseTo(6 / 13, 6);
    expect(trigramSimilarity('toiota kamri', 'kamri')).toBeCloseTo(6 / 13, 6);
    // pg_trgm: SELECT similarity('rav 4', 'rav4') = 0.375
    expect(trigramSimilarity('rav 4', 'rav4')).toBeCloseTo(0.375, 6);
    expect(trigramSimilarity('kamri', 'kamri')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
    expect(trigramSimilarity('', 'xyz')).toBe(0);
  });
});
