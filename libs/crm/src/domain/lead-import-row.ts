import { isEmail } from 'class-validator';
import { ContactFieldError, MAX_ATTRIBUTES, normaliseEmail, normalisePhone } from './contact-fields';
import type { CustomAttributes } from './contact.entity';
import type { StageKind } from './stage.entity';
import { CsvHeaderError } from '@saler/platform';

/** The columns an import understands; any other column becomes a contact attribute. */
export const IMPORT_COLUMNS = ['name', 'email', 'phone', 'locale', 'title', 'value', 'currency', 'stage', 'tags', 'expectedclosedate'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export type ColumnTarget = { column: ImportColumn } | { attribute: string } | { skip: true };

export interface ImportStage {
  id: string;
  pipelineId: string;
  name: string;
  kind: StageKind;
  probability: number;
}

export interface ImportDefaults {
  /** Stages of the target pipeline by lower-cased name; `first` is where rows without a stage go. */
  stages: Map<string, ImportStage>;
  first: ImportStage;
  currency: string;
}

export interface ImportedRow {
  contact: { name: string | null; email: string | null; phone: string | null; locale: string | null; attributes: CustomAttributes };
  lead: { title: string; valueMinor: number; currency: string; stage: ImportStage; tags: string[]; expectedCloseDate: string | null };
}

export class ImportHeaderError extends CsvHeaderError {}

const canonical = (header: string) => header.trim().toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Maps a file's header to columns. `mapping` renames file headers first ({"E-mail": "email"}; a
 * target of "" skips the column). A header naming no known column becomes an attribute.
 */
export function resolveHeader(header: string[], mapping: Record<string, string>): ColumnTarget[] {
  const renames = new Map(Object.entries(mapping).map(([from, to]) => [from.trim().toLowerCase(), to]));
  const seen = new Set<string>();
  const targets = header.map((raw): ColumnTarget => {
    const renamed = renames.get(raw.trim().toLowerCase());
    if (renamed === '') return { skip: true };
    const name = canonical(renamed ?? raw);
    if (renamed !== undefined && !(IMPORT_COLUMNS as readonly string[]).includes(name)) throw new ImportHeaderError(`mapping renames "${raw}" to "${renamed}", which is not a column (${IMPORT_COLUMNS.join(', ')})`);
    if (name === '') return { skip: true };
    if (seen.has(name)) throw new ImportHeaderError(`Two columns map to "${name}"`);
    seen.add(name);
    return (IMPORT_COLUMNS as readonly string[]).includes(name) ? { column: name as ImportColumn } : { attribute: raw.trim() };
  });
  if (!['name', 'email', 'phone'].some((column) => seen.has(column))) throw new ImportHeaderError('The header needs a name, email or phone column');
  if (targets.filter((target) => 'attribute' in target).length > MAX_ATTRIBUTES) throw new ImportHeaderError(`At most ${MAX_ATTRIBUTES} extra columns (contact attributes) are allowed`);
  return targets;
}

const exponents = new Map<string, number>();

/** Minor units per major unit of a currency (2 for EUR, 0 for JPY, 3 for KWD); cached, as building a formatter costs ~20 µs. */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/** "1299.5" EUR → 129950. Refuses more decimals than the currency has, negatives and junk. */
export function toMinorUnits(value: string, currency: string): number {
  const cleaned = value.trim().replace(/^(\d{1,3}(,\d{3})+)(\.\d+)?$/, (_all, whole: string, _group, fraction = '') => whole.replace(/,/g, '') + fraction);
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) throw new ContactFieldError('value', `value "${value}" is not a non-negative amount such as 1299.50`);
  const exponent = currencyExponent(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) throw new ContactFieldError('value', `value "${value}" has more decimals than ${currency} allows (${exponent})`);
  return Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** Validates and normalises one data row; a ContactFieldError names what is wrong with it. */
export function mapImportRow(values: string[], targets: ColumnTarget[], defaults: ImportDefaults): ImportedRow {
  const get: Partial<Record<ImportColumn, string>> = {};
  const attributes: CustomAttributes = {};
  targets.forEach((target, index) => {
    const value = (values[index] ?? '').trim();
    if ('column' in target) {
      if (value !== '') get[target.column] = value;
    } else if ('attribute' in target && value !== '') attributes[target.attribute] = value.slice(0, 1000);
  });
  if (get.email !== undefined && !isEmail(get.email)) throw new ContactFieldError('email', `email "${get.email}" is not an email address`);
  const email = get.email !== undefined ? normaliseEmail(get.email) : null;
  const phone = get.phone !== undefined ? normalisePhone(get.phone) : null;
  const name = get.name?.slice(0, 200) ?? null;
  if (!name && !email && !phone) throw new ContactFieldError('name', 'The row has no name, email or phone');
  const currency = (get.currency ?? defaults.currency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ContactFieldError('currency', `currency "${get.currency}" is not an ISO 4217 code`);
  const stage = get.stage !== undefined ? defaults.stages.get(get.stage.toLowerCase()) : defaults.first;
  if (stage === undefined) throw new ContactFieldError('stage', `stage "${get.stage}" is not a stage of the pipeline (${[...defaults.stages.values()].map((row) => row.name).join(', ')})`);
  const expectedCloseDate = get.expectedclosedate ?? null;
  if (expectedCloseDate !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(expectedCloseDate) || Number.isNaN(Date.parse(expectedCloseDate)))) {
    throw new ContactFieldError('expectedCloseDate', `expectedCloseDate "${expectedCloseDate}" is not a date (YYYY-MM-DD)`);
  }
  const tags = [...new Set((get.tags ?? '').split(/[;|]/).map((tag) => tag.trim().toLowerCase()).filter((tag) => tag.length > 0))];
  if (tags.some((tag) => tag.length > 50) || tags.length > 20) throw new ContactFieldError('tags', 'At most 20 tags of at most 50 characters');
  return {
    contact: { name, email, phone, locale: get.locale?.slice(0, 16) ?? null, attributes },
    lead: {
      title: (get.title ?? name ?? email ?? phone ?? 'Imported lead').slice(0, 200),
      valueMinor: get.value !== undefined ? toMinorUnits(get.value, currency) : 0,
      currency,
      stage,
      tags,
      expectedCloseDate,
    },
  };
}
