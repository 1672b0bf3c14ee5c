/** What the bot says about a quote: the outcome, and its values formatted for the customer's locale (the bot texts word them). */
import { currencyExponent } from './money';

/** An ambiguous model names at most this many candidates. */
export const ANSWER_CANDIDATES = 3;

export interface ModelName {
  brand: { name: string };
  name: string;
  yearFrom: number | null;
  yearTo: number | null;
}

/** What the catalogue made of the message; `product` is the category's name. */
export type QuoteOutcome =
  | { kind: 'quoted'; product: string; model: ModelName; amountMinor: number; currency: string }
  | { kind: 'unavailable'; product: string; model: ModelName; note?: string }
  | { kind: 'unpriced'; product: string; model: ModelName }
  | { kind: 'ask_model'; product: string }
  | { kind: 'ask_which'; candidates: ModelName[] }
  | { kind: 'ask_product'; products: string[] };

export type QuoteOutcomeKind = QuoteOutcome['kind'];

/** The locale's number format, or English for a tag Intl does not know. */
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat('en', options);
  }
}

/** "4,500.00 THB" in English, "4 500,00 THB" in Russian: as many decimals as the currency has minor units. */
export function formatAmount(amountMinor: number, currency: string, locale: string): string {
  const digits = currencyExponent(currency);
  return `${numberFormat(locale, digits).format(amountMinor / 10 ** digits)} ${currency}`;
}

/** "Toyota Camry (2018–2021)"; "(2018–)" or "(–2017)" for an open range, no years when the model has none. */
export function modelName(model: ModelName): string {
  const { yearFrom, yearTo } = model;
  const years = yearFrom === null && yearTo === null ? null : yearFrom === yearTo ? String(yearFrom) : `${yearFrom ?? ''}–${yearTo ?? ''}`;
  return `${model.brand.name} ${model.name}${years === null ? '' : ` (${years})`}`;
}

/** The placeholders of the outcome's bot text (`{product}`, `{model}`, `{price}`, …) filled for the locale. */
export function quoteTextValues(outcome: QuoteOutcome, locale: string): Record<string, string> {
  switch (outcome.kind) {
    case 'quoted':
      return { product: outcome.product, model: modelName(outcome.model), price: formatAmount(outcome.amountMinor, outcome.currency, locale) };
    case 'unavailable':
      return { product: outcome.product, model: modelName(outcome.model), note: outcome.note ?? '' };
    case 'unpriced':
      return { product: outcome.product, model: modelName(outcome.model) };
    case 'ask_model':
      return { product: outcome.product };
    case 'ask_which':
      return { candidates: outcome.candidates.slice(0, ANSWER_CANDIDATES).map(modelName).join(', ') };
    case 'ask_product':
      return { products: outcome.products.join(', ') };
  }
}
