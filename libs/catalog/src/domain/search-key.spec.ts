import { cyrillicToLatin, latinToCyrillic, normaliseText, phoneticKey, searchKey, trigramSimilarity } from '@saler/platform';
import { modelSearchTerms, parseModelQuery } from './search-key';

describe('search keys', () => {
  it('normalises case, accents, punctuation and letter–digit boundaries', () => {
    expect(normaliseText('  Toyota   RAV-4!! ')).toBe('toyota rav 4');
    expect(normaliseText('rav4')).toBe('rav 4');
    expect(normaliseText('Škoda Octavia (A7)')).toBe('skoda octavia a 7');
    expect(normaliseText('Ёлка, ЙОД')).toBe('елка иод');
    expect(normaliseText('x5m')).toBe('x 5 m');
    expect(normaliseText('---')).toBe('');
  });

  it('transliterates Cyrillic to Latin and back', () => {
    expect(cyrillicToLatin('камри')).toBe('kamri');
    expect(cyrillicToLatin('щётка жук цех')).toBe('schetka zhuk tseh');
    expect(cyrillicToLatin('рав 4 x5')).toBe('rav 4 x5');
    expect(latinToCyrillic('kamri')).toBe('камри');
    expect(latinToCyrillic('shkoda')).toBe('шкода');
    expect(latinToCyrillic('zhuk yaris 4')).toBe('жук ярис 4');
  });

  it('reduces spellings that sound alike to one phonetic key', () => {
    expect(phoneticKey('camry')).toBe('kamri');
    expect(phoneticKey('chery')).toBe('sheri');
    expect(phoneticKey('lexus')).toBe('leksus');
    expect(phoneticKey('corolla')).toBe('korola');
    expect(phoneticKey('civic')).toBe('sivik');
    expect(phoneticKey('jetta')).toBe('zheta');
    expect(phoneticKey('qashqai')).toBe('kashkai');
    expect(phoneticKey('volkswagen')).toBe('volksvagen');
  });

  it('gives Latin, Cyrillic and misspelt names the same key ("kamri" ↔ "камри")', () => {
    const same = [
      ['Camry', 'камри', 'kamri', 'camri', 'KAMRY'],
      ['RAV4', 'rav-4', 'Rav 4', 'рав 4', 'РАВ-4'],
      ['Corolla', 'королла', 'corola', 'korolla'],
      ['Qashqai', 'кашкай', 'kashkai'],
      ['Civic', 'цивик', 'sivik'],
      ['Jetta', 'джетта', 'dzhetta'],
      ['Chery Tiggo', 'чери тигго'],
      ['Honda Accord', 'хонда аккорд'],
    ];
    for (const group of same) expect(new Set(group.map(searchKey))).toEqual(new Set([searchKey(group[0])]));
  });

  it('keeps near spellings near', () => {
    expect(trigramSimilarity(searchKey('солярис'), searchKey('Solaris'))).toBeGreaterThan(0.5);
    expect(trigramSimilarity(searchKey('шкода октавия'), searchKey('Skoda Octavia'))).toBeGreaterThan(0.6);
    expect(trigramSimilarity(searchKey('фольксваген поло'), searchKey('Volkswagen Polo'))).toBeGreaterThan(0.6);
    expect(trigramSimilarity(searchKey('Camry'), searchKey('Corolla'))).toBeLessThan(0.2);
  });

  it('splits a model year off a query', () => {
    expect(parseModelQuery('camri 2015')).toEqual({ key: 'kamri', year: 2015 });
    expect(parseModelQuery('Toyota RAV-4 (2019)')).toEqual({ key: 'toiota rav 4', year: 2019 });
    expect(parseModelQuery('Mazda 6')).toEqual({ key: 'mazda 6', year: null });
    expect(parseModelQuery('Peugeot 3008')).toEqual({ key: 'peugeot 3008', year: null });
    // A year alone is the query, not a filter.
    expect(parseModelQuery('2015')).toEqual({ key: '2015', year: null });
  });

  it('finds a model by its names alone and after each of its brand names', () => {
    expect(modelSearchTerms({ name: 'Toyota', aliases: ['Тойота'] }, { name: 'Land Cruiser', aliases: ['крузак', 'LC 200'] }).sort()).toEqual(
      ['land kruiser', 'kruzak', 'lk 200', 'toiota land kruiser', 'toiota kruzak', 'toiota lk 200'].sort(),
    );
    expect(modelSearchTerms({ name: 'Kia', aliases: ['КИА'] }, { name: 'Rio', aliases: ['рио'] })).toEqual(['rio', 'kia rio']);
  });
});
