import { decideNewPrice, priceAt } from './price-history';

const point = (amountMinor: number, validFrom: string, currency = 'EUR') => ({ amountMinor, currency, validFrom: new Date(validFrom) });
const now = new Date('2026-06-01T12:00:00Z');

describe('price history', () => {
  const history = [point(100, '2026-01-01T00:00:00Z'), point(120, '2026-03-01T00:00:00Z'), point(150, '2026-09-01T00:00:00Z')];

  it('finds the row in force at a time', () => {
    expect(priceAt(history, new Date('2025-12-31T23:59:59Z'))).toBeNull();
    expect(priceAt(history, new Date('2026-01-01T00:00:00Z'))).toBe(history[0]);
    expect(priceAt(history, now)).toBe(history[1]);
    expect(priceAt(history, new Date('2027-01-01T00:00:00Z'))).toBe(history[2]);
  });

  it('lets the first price of a key start at any time', () => {
    expect(decideNewPrice([], point(100, '2020-01-01T00:00:00Z'), now)).toEqual({ kind: 'insert' });
  });

  it('adds later prices from now on, never before now once there is history', () => {
    expect(decideNewPrice(history, point(130, '2026-06-01T12:00:00Z'), now)).toEqual({ kind: 'insert' });
    expect(decideNewPrice(history, point(130, '2026-07-01T00:00:00Z'), now)).toEqual({ kind: 'insert' });
    expect(decideNewPrice(history, point(130, '2026-05-01T00:00:00Z'), now)).toMatchObject({ kind: 'refuse', slug: 'price-history' });
  });

  it('treats the same row again as unchanged and a different one at the same start as a conflict', () => {
    expect(decideNewPrice(history, point(120, '2026-03-01T00:00:00Z'), now)).toEqual({ kind: 'unchanged' });
    expect(decideNewPrice(history, point(125, '2026-03-01T00:00:00Z'), now)).toMatchObject({ kind: 'refuse', slug: 'price-exists' });
    expect(decideNewPrice(history, point(120, '2026-03-01T00:00:00Z', 'USD'), now)).toMatchObject({ kind: 'refuse', slug: 'price-exists' });
  });

  it('skips an implicit (undated) price equal to the one in force', () => {
    expect(decideNewPrice(history, point(120, now.toISOString()), now, true)).toEqual({ kind: 'unchanged' });
    expect(decideNewPrice(history, point(121, now.toISOString()), now, true)).toEqual({ kind: 'insert' });
  });
});
