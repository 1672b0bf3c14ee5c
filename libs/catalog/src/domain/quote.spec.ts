import { chooseModel, priceQuote, QuotePart, QuotePriceError } from './quote';

const scored = (modelId: string, score: number, yearFrom: number | null = null, yearTo: number | null = null) => ({ modelId, score, yearFrom, yearTo });
const price = (id: string, amountMinor: number, validFrom: string, currency = 'EUR') => ({ id, amountMinor, currency, validFrom: new Date(validFrom) });

describe('choosing the model a query means', () => {
  it('takes a clear winner', () => {
    expect(chooseModel([scored('camry', 1), scored('corolla', 0.3)], null)).toEqual({ kind: 'match', model: scored('camry', 1) });
    expect(chooseModel([scored('camry', 0.6)], null)).toEqual({ kind: 'match', model: scored('camry', 0.6) });
  });

  it('lists candidates when the best two are too close or the best is weak', () => {
    expect(chooseModel([scored('vw-polo', 1), scored('other-polo', 0.95), scored('x', 0.2)], null)).toEqual({ kind: 'ambiguous', candidates: [scored('vw-polo', 1), scored('other-polo', 0.95), scored('x', 0.2)] });
    expect(chooseModel([scored('outlander', 0.3)], null)).toEqual({ kind: 'ambiguous', candidates: [scored('outlander', 0.3)] });
    expect(chooseModel([], null)).toEqual({ kind: 'none' });
  });

  it('prefers the models that cover the year asked for', () => {
    const generations = [scored('camry-xv50', 1, 2011, 2017), scored('camry-xv70', 0.95, 2017, null)];
    expect(chooseModel(generations, 2019)).toEqual({ kind: 'match', model: generations[1] });
    expect(chooseModel(generations, 2012)).toEqual({ kind: 'match', model: generations[0] });
    expect(chooseModel(generations, 2017).kind).toBe('ambiguous');
    // No model covers 1990: the year does not filter.
    expect(chooseModel(generations, 1990).kind).toBe('ambiguous');
  });
});

describe('pricing a quote', () => {
  const at = new Date('2026-06-01T00:00:00Z');

  it('adds the base price and the options; priceValidFrom is the latest row used', () => {
    const parts: QuotePart[] = [
      { kind: 'base', label: 'EVA mats (sedan)', field: 'categoryId', price: price('b1', 450000, '2026-01-01T00:00:00Z') },
      { kind: 'option', label: 'With rims', field: 'optionIds[0]', price: price('o1', 50000, '2026-03-01T00:00:00Z') },
      { kind: 'option', label: 'Heel pad', field: 'optionIds[1]', price: price('o2', 20000, '2025-12-01T00:00:00Z') },
    ];
    expect(priceQuote(parts, at)).toEqual({
      lines: [
        { kind: 'base', label: 'EVA mats (sedan)', amountMinor: 450000, priceId: 'b1', validFrom: new Date('2026-01-01T00:00:00Z') },
        { kind: 'option', label: 'With rims', amountMinor: 50000, priceId: 'o1', validFrom: new Date('2026-03-01T00:00:00Z') },
        { kind: 'option', label: 'Heel pad', amountMinor: 20000, priceId: 'o2', validFrom: new Date('2025-12-01T00:00:00Z') },
      ],
      totalMinor: 520000,
      currency: 'EUR',
      priceValidFrom: new Date('2026-03-01T00:00:00Z'),
    });
  });

  it('names every part without a price', () => {
    const parts: QuotePart[] = [
      { kind: 'base', label: 'EVA mats (suv)', field: 'categoryId', price: null },
      { kind: 'option', label: 'With rims', field: 'optionIds[0]', price: price('o1', 50000, '2026-03-01T00:00:00Z') },
      { kind: 'option', label: '3rd row', field: 'optionIds[1]', price: null },
    ];
    expect(() => priceQuote(parts, at)).toThrow(QuotePriceError);
    try {
      priceQuote(parts, at);
    } catch (error) {
      expect((error as QuotePriceError).slug).toBe('price-missing');
      expect((error as QuotePriceError).missing.map((part) => part.field)).toEqual(['categoryId', 'optionIds[1]']);
      expect((error as Error).message).toBe('No price valid at 2026-06-01T00:00:00.000Z for EVA mats (suv); 3rd row');
    }
  });

  it('refuses to add up different currencies', () => {
    const parts: QuotePart[] = [
      { kind: 'model', label: 'EVA mats', field: 'categoryId', price: price('m1', 450000, '2026-01-01T00:00:00Z', 'RUB') },
      { kind: 'option', label: 'With rims', field: 'optionIds[0]', price: price('o1', 500, '2026-01-01T00:00:00Z', 'EUR') },
    ];
    expect(() => priceQuote(parts, at)).toThrow(expect.objectContaining({ slug: 'currency-mismatch' }));
  });
});
