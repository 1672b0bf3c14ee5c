/** The pure rules of a quote: which search result is "the" model, and how priced lines add up. */

/**
 * Results below this similarity are not shown at all: pg_trgm's own default threshold, at which a short key no longer
 * matches by a single shared trigram (on PostgreSQL the same 0.3 is set in saler_catalog_model_search, see the
 * CatalogSearchPartitions migration).
 */
export const SEARCH_MIN_SCORE = 0.3;
/** A modelQuery resolves to its best result only when that scores at least this… */
export const CONFIDENT_SCORE = 0.45;
/** …and beats the next model by at least this much; otherwise the quote lists the candidates. */
export const AMBIGUITY_MARGIN = 0.1;

export interface ScoredModel {
  modelId: string;
  score: number;
  yearFrom: number | null;
  yearTo: number | null;
}

export const coversYear = (model: Pick<ScoredModel, 'yearFrom' | 'yearTo'>, year: number): boolean =>
  (model.yearFrom === null || model.yearFrom <= year) && (model.yearTo === null || year <= model.yearTo);

/**
 * Results (best first) narrowed to the models that cover the query's year, when any does ("camry
 * 2019" prefers the generation sold in 2019); without a year, or when none covers it, unchanged.
 */
export function preferYear<T extends ScoredModel>(results: T[], year: number | null): T[] {
  if (year === null) return results;
  const covering = results.filter((result) => coversYear(result, year));
  return covering.length > 0 ? covering : results;
}

export type ModelChoice<T> = { kind: 'match'; model: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'none' };

/** Picks the model a free-text query means, or says it cannot tell (and offers the best few). */
export function chooseModel<T extends ScoredModel>(results: T[], year: number | null, candidates = 5): ModelChoice<T> {
  const ranked = preferYear(results, year);
  const [best, next] = ranked;
  if (best === undefined) return { kind: 'none' };
  if (best.score >= CONFIDENT_SCORE && (next === undefined || best.score - next.score >= AMBIGUITY_MARGIN)) return { kind: 'match', model: best };
  return { kind: 'ambiguous', candidates: ranked.slice(0, candidates) };
}

export type PriceKind = 'base' | 'model' | 'option';

export interface PriceRowRef {
  id: string;
  amountMinor: number;
  currency: string;
  validFrom: Date;
}

/** One priced part of a quote: the product (base or per-model price) or an option; `price` null when none is valid at the quote's time. */
export interface QuotePart {
  kind: PriceKind;
  label: string;
  /** Where a missing price is reported in the request (categoryId, optionIds[1]). */
  field: string;
  price: PriceRowRef | null;
}

export interface QuoteLine {
  kind: PriceKind;
  label: string;
  amountMinor: number;
  priceId: string;
  validFrom: Date;
}

export interface PricedQuote {
  lines: QuoteLine[];
  totalMinor: number;
  currency: string;
  /** The latest validFrom among the rows used: since then, this total holds (until a later row). */
  priceValidFrom: Date;
}

export class QuotePriceError extends Error {
  constructor(
    readonly slug: 'price-missing' | 'currency-mismatch',
    message: string,
    readonly missing: QuotePart[] = [],
  ) {
    super(message);
  }
}

/** Adds up the parts; every part needs a price, and all in one currency. */
export function priceQuote(parts: QuotePart[], at: Date): PricedQuote {
  const missing = parts.filter((part) => part.price === null);
  if (missing.length > 0) {
    throw new QuotePriceError('price-missing', `No price valid at ${at.toISOString()} for ${missing.map((part) => part.label).join('; ')}`, missing);
  }
  const lines = parts.map((part) => {
    const price = part.price as PriceRowRef;
    return { kind: part.kind, label: part.label, amountMinor: price.amountMinor, priceId: price.id, validFrom: price.validFrom };
  });
  const currencies = [...new Set(parts.map((part) => (part.price as PriceRowRef).currency))];
  if (currencies.length !== 1) throw new QuotePriceError('currency-mismatch', `The prices of this quote are in different currencies (${currencies.join(', ')}); give them one currency`);
  return {
    lines,
    totalMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0),
    currency: currencies[0],
    priceValidFrom: new Date(Math.max(...lines.map((line) => line.validFrom.getTime()))),
  };
}
