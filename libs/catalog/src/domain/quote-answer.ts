/** The bot's wording of a quote, in English or (for a locale starting with "ru") Russian. */
import { currencyExponent } from './money';

/** An ambiguous model names at most this many candidates. */
const ANSWER_CANDIDATES = 3;

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
  | { kind: 'unpriced'; product: string }
  | { kind: 'ambiguous'; candidates: ModelName[] }
  | { kind: 'no-model' };

type Language = 'en' | 'ru';

interface Wording {
  quoted(product: string, model: string, amount: string): string;
  unavailable(product: string, model: string): string;
  unpriced(product: string): string;
  ambiguous(candidates: string): string;
  noModel: string;
}

const WORDING: Record<Language, Wording> = {
  en: {
    quoted: (product, model, amount) => `${product} for ${model}: ${amount}.`,
    unavailable: (product, model) => `${product} for ${model}: not available at the moment`,
    unpriced: (product) => `${product} for this car: a manager will tell you the price shortly.`,
    ambiguous: (candidates) => `Which one do you mean: ${candidates}?`,
    noModel: 'Which car is it for? Tell me the make and model.',
  },
  ru: {
    quoted: (product, model, amount) => `${product} для ${model}: ${amount}.`,
    unavailable: (product, model) => `${product} для ${model}: сейчас нет в наличии`,
    unpriced: (product) => `${product} для этой машины: цену скоро сообщит менеджер.`,
    ambiguous: (candidates) => `Какую модель вы имеете в виду: ${candidates}?`,
    noModel: 'Для какой машины? Напишите марку и модель.',
  },
};

const languageOf = (locale: string): Language => (locale.toLowerCase().startsWith('ru') ? 'ru' : 'en');

/** "4,500.00 THB" in English, "4 500,00 THB" in Russian: as many decimals as the currency has minor units. */
export function formatAmount(amountMinor: number, currency: string, locale: string): string {
  const digits = currencyExponent(currency);
  const number = new Intl.NumberFormat(languageOf(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amountMinor / 10 ** digits);
  return `${number} ${currency}`;
}

/** "Toyota Camry (2018–2021)"; "(2018–)" or "(–2017)" for an open range, no years when the model has none. */
export function modelName(model: ModelName): string {
  const { yearFrom, yearTo } = model;
  const years = yearFrom === null && yearTo === null ? null : yearFrom === yearTo ? String(yearFrom) : `${yearFrom ?? ''}–${yearTo ?? ''}`;
  return `${model.brand.name} ${model.name}${years === null ? '' : ` (${years})`}`;
}

/** The reply for the customer, in the locale's language. */
export function quoteAnswerText(outcome: QuoteOutcome, locale: string): string {
  const wording = WORDING[languageOf(locale)];
  switch (outcome.kind) {
    case 'quoted':
      return wording.quoted(outcome.product, modelName(outcome.model), formatAmount(outcome.amountMinor, outcome.currency, locale));
    case 'unavailable':
      return `${wording.unavailable(outcome.product, modelName(outcome.model))}${outcome.note !== undefined ? ` (${outcome.note})` : ''}.`;
    case 'unpriced':
      return wording.unpriced(outcome.product);
    case 'ambiguous':
      return wording.ambiguous(outcome.candidates.slice(0, ANSWER_CANDIDATES).map(modelName).join(', '));
    case 'no-model':
      return wording.noModel;
  }
}
