import { cleanAliases, MAX_ALIAS_LENGTH, MAX_ALIASES } from './names';
import { CatalogValueError, currencyExponent, toMinorUnits } from './money';
import { CsvHeaderError } from '@saler/platform';

export const CATALOG_IMPORT_KINDS = ['models', 'prices'] as const;
export type CatalogImportKind = (typeof CATALOG_IMPORT_KINDS)[number];

/** The columns of each file kind (compared lower-cased, without spaces, `_` or `-`: "Body type" is bodytype). */
export const CATALOG_COLUMNS = {
  models: ['brand', 'model', 'aliases', 'bodytype', 'yearfrom', 'yearto', 'brandaliases'],
  prices: ['category', 'bodytype', 'brand', 'model', 'option', 'price', 'currency', 'validfrom'],
} as const satisfies Record<CatalogImportKind, readonly string[]>;

const REQUIRED: Record<CatalogImportKind, string[]> = { models: ['brand', 'model', 'bodytype'], prices: ['category', 'price', 'currency'] };

export type CatalogColumn = (typeof CATALOG_COLUMNS)[CatalogImportKind][number];

/** A header the import cannot work with: the upload is refused (400) or the job fails on line 1. */
export class CatalogHeaderError extends CsvHeaderError {}

const canonical = (header: string) => header.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** Maps a file's header to columns; an unknown, repeated or missing column is a CatalogHeaderError. */
export function resolveCatalogHeader(kind: CatalogImportKind, header: string[]): CatalogColumn[] {
  const known: readonly string[] = CATALOG_COLUMNS[kind];
  const columns = header.map((raw) => {
    const name = canonical(raw);
    if (!known.includes(name)) throw new CatalogHeaderError(`Unknown column "${raw.trim()}" in a ${kind} file; the columns are ${known.join(', ')}`);
    return name as CatalogColumn;
  });
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated !== undefined) throw new CatalogHeaderError(`The column ${repeated} appears twice`);
  const missing = REQUIRED[kind].filter((column) => !columns.includes(column as CatalogColumn));
  if (missing.length > 0) throw new CatalogHeaderError(`A ${kind} file needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (kind === 'prices' && !['bodytype', 'option', 'model'].some((column) => columns.includes(column as CatalogColumn))) {
    throw new CatalogHeaderError('A prices file needs a bodytype, option or model column (what each price is for)');
  }
  if (kind === 'prices' && columns.includes('model') && !columns.includes('brand')) throw new CatalogHeaderError('A prices file with a model column needs a brand column too');
  return columns;
}

export interface ModelRow {
  brand: string;
  brandAliases: string[];
  model: string;
  aliases: string[];
  bodyType: string;
  yearFrom: number | null;
  yearTo: number | null;
}

export type PriceRow = { amountMinor: number; currency: string; validFrom: Date | null; category: string } & (
  | { kind: 'base'; bodyType: string }
  | { kind: 'model'; brand: string; model: string }
  | { kind: 'option'; option: string }
);

function cells(values: string[], columns: CatalogColumn[]): Partial<Record<CatalogColumn, string>> {
  const get: Partial<Record<CatalogColumn, string>> = {};
  columns.forEach((column, index) => {
    const value = (values[index] ?? '').trim();
    if (value !== '') get[column] = value;
  });
  return get;
}

function name(value: string | undefined, field: string, max = 100): string {
  if (value === undefined) throw new CatalogValueError(field, `${field} is empty`);
  if (value.length > max) throw new CatalogValueError(field, `${field} "${value.slice(0, 40)}…" is longer than ${max} characters`);
  return value;
}

function aliases(value: string | undefined, field: string, owner: string): string[] {
  const list = cleanAliases((value ?? '').split(/[;|]/), owner);
  if (list.length > MAX_ALIASES || list.some((alias) => alias.length > MAX_ALIAS_LENGTH)) {
    throw new CatalogValueError(field, `At most ${MAX_ALIASES} ${field} of at most ${MAX_ALIAS_LENGTH} characters, separated by ; or |`);
  }
  return list;
}

function year(value: string | undefined, field: string): number | null {
  if (value === undefined) return null;
  if (!/^\d{4}$/.test(value) || Number(value) < 1900 || Number(value) > 2100) throw new CatalogValueError(field, `${field} "${value}" is not a year such as 2015`);
  return Number(value);
}

/** One row of a models file, validated: brand,model,aliases,bodyType,yearFrom,yearTo[,brandAliases]; aliases split on ; or |. */
export function parseModelRow(values: string[], columns: CatalogColumn[]): ModelRow {
  const get = cells(values, columns);
  const brand = name(get.brand, 'brand');
  const model = name(get.model, 'model');
  const row = {
    brand,
    brandAliases: aliases(get.brandaliases, 'brandAliases', brand),
    model,
    aliases: aliases(get.aliases, 'aliases', model),
    bodyType: name(get.bodytype, 'bodyType', 50),
    yearFrom: year(get.yearfrom, 'yearFrom'),
    yearTo: year(get.yearto, 'yearTo'),
  };
  if (row.yearFrom !== null && row.yearTo !== null && row.yearFrom > row.yearTo) throw new CatalogValueError('yearTo', `yearTo ${row.yearTo} is before yearFrom ${row.yearFrom}`);
  return row;
}

/** An ISO date ("2026-01-01", midnight UTC) or date-time with a zone. */
export function parseValidFrom(value: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!ok || Number.isNaN(date.getTime())) throw new CatalogValueError('validFrom', `validFrom "${value}" is not a date (YYYY-MM-DD) or a date-time with a time zone`);
  return date;
}

/**
 * One row of a prices file: category,price,currency[,validFrom] and what the price is for: an
 * option of the category, a brand + model (a per-model price), or a body type (the base price).
 */
export function parsePriceRow(values: string[], columns: CatalogColumn[]): PriceRow {
  const get = cells(values, columns);
  const category = name(get.category, 'category');
  const currency = (get.currency ?? '').toUpperCase();
  if (currency === '') throw new CatalogValueError('currency', 'currency is empty');
  currencyExponent(currency);
  if (get.price === undefined) throw new CatalogValueError('price', 'price is empty');
  const common = { category, amountMinor: toMinorUnits(get.price, currency), currency, validFrom: get.validfrom !== undefined ? parseValidFrom(get.validfrom) : null };
  const targets = [get.option, get.model, get.bodytype].filter((value) => value !== undefined).length;
  if (targets !== 1) throw new CatalogValueError('bodyType', 'Each price row names exactly one of bodyType (a base price), option or model (with its brand)');
  if (get.option !== undefined) return { ...common, kind: 'option', option: name(get.option, 'option') };
  if (get.model !== undefined) return { ...common, kind: 'model', brand: name(get.brand, 'brand'), model: name(get.model, 'model') };
  return { ...common, kind: 'base', bodyType: name(get.bodytype, 'bodyType', 50) };
}
