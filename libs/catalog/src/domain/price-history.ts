/**
 * Prices are rows that are never changed: a new price starts at its `validFrom`, and a quote uses
 * the row valid at its time. So that a past quote can always be explained by running it again
 * with its `at`, a new price of a key (category × body type, model × category, option) may not
 * start before the moment it is asked for, once that key has a price; the first price of a key may
 * start at any time (before it, quoting that key failed anyway).
 */

export interface PricePoint {
  amountMinor: number;
  currency: string;
  validFrom: Date;
}

export type PriceDecision = { kind: 'insert' } | { kind: 'unchanged' } | { kind: 'refuse'; slug: 'price-exists' | 'price-history'; reason: string };

/** The row in force at `at`: the latest validFrom at or before it. */
export function priceAt<T extends PricePoint>(rows: readonly T[], at: Date): T | null {
  let best: T | null = null;
  for (const row of rows) if (row.validFrom.getTime() <= at.getTime() && (best === null || row.validFrom.getTime() > best.validFrom.getTime())) best = row;
  return best;
}

const same = (a: PricePoint, b: PricePoint) => a.amountMinor === b.amountMinor && a.currency === b.currency;

/**
 * Whether `candidate` may be added to a key's `existing` rows, asked for at `requestedAt`.
 * `implicit` means no validFrom was given (an import row without one): it then starts at
 * requestedAt, and is unchanged when the price in force then is the same.
 */
export function decideNewPrice(existing: readonly PricePoint[], candidate: PricePoint, requestedAt: Date, implicit = false): PriceDecision {
  if (implicit) {
    const current = priceAt(existing, requestedAt);
    if (current !== null && same(current, candidate)) return { kind: 'unchanged' };
  }
  const clash = existing.find((row) => row.validFrom.getTime() === candidate.validFrom.getTime());
  if (clash !== undefined) {
    return same(clash, candidate)
      ? { kind: 'unchanged' }
      : { kind: 'refuse', slug: 'price-exists', reason: `Another price (${clash.amountMinor} ${clash.currency}) starts at ${clash.validFrom.toISOString()}; prices are never changed: add one with a later validFrom` };
  }
  if (existing.length > 0 && candidate.validFrom.getTime() < requestedAt.getTime()) {
    return { kind: 'refuse', slug: 'price-history', reason: `validFrom ${candidate.validFrom.toISOString()} is in the past and this price already has history: quotes made since then would change. Use a validFrom from now on` };
  }
  return { kind: 'insert' };
}
