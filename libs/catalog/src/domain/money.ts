/** A value in a catalogue file or request that cannot be read; the message says which and why. */
export class CatalogValueError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Minor units per major unit of a currency (2 for EUR, 0 for JPY, 3 for KWD); an unknown code is refused. */
export function currencyExponent(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) throw new CatalogValueError('currency', `currency "${currency}" is not an ISO 4217 code such as EUR`);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new CatalogValueError('currency', `currency "${currency}" is not an ISO 4217 code such as EUR`);
  }
}

/** "1299.5" EUR → 129950; "1 299,50" and "1,299.50" read as 1299.50. Refuses more decimals than the currency has, negatives and junk. */
export function toMinorUnits(value: string, currency: string): number {
  const compact = value.trim().replace(/[\s\u00a0]/g, '');
  // A comma is a decimal separator when it is the only separator and 1–3 digits follow it ("1299,50").
  const cleaned = /^\d+,\d{1,3}$/.test(compact) && !/^\d{1,3},\d{3}$/.test(compact) ? compact.replace(',', '.') : compact.replace(/^(\d{1,3}(,\d{3})+)(\.\d+)?$/, (_all, whole: string, _group, fraction = '') => whole.replace(/,/g, '') + fraction);
  const match = /^(\d{1,13})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) throw new CatalogValueError('price', `price "${value}" is not a non-negative amount such as 1299.50`);
  const exponent = currencyExponent(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) throw new CatalogValueError('price', `price "${value}" has more decimals than ${currency} allows (${exponent})`);
  return Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}
