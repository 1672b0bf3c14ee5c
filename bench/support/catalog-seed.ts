import { Client } from 'pg';
import { ApiSession } from './api-session';

/** 50 brands × 100 models = 5,000 models a tenant (BENCH_CATALOG_MODELS shrinks it). */
export const BRANDS = [
  'Toyota', 'Volkswagen', 'Hyundai', 'Kia', 'Nissan', 'Honda', 'Mazda', 'Subaru', 'Mitsubishi', 'Suzuki',
  'Lexus', 'Infiniti', 'Acura', 'Ford', 'Chevrolet', 'Cadillac', 'Buick', 'Chrysler', 'Dodge', 'Jeep',
  'Renault', 'Peugeot', 'Citroen', 'Skoda', 'Seat', 'Opel', 'Fiat', 'Alfa Romeo', 'Volvo', 'Saab',
  'Audi', 'Mercedes-Benz', 'Porsche', 'Mini', 'Land Rover', 'Jaguar', 'Geely', 'Chery', 'Haval', 'Great Wall',
  'Lada', 'UAZ', 'GAZ', 'Daewoo', 'SsangYong', 'Genesis', 'Tesla', 'Dacia', 'Datsun', 'Ravon',
];
export const BODY_TYPES = ['sedan', 'suv', 'minivan', 'hatchback', 'wagon', 'coupe', 'pickup'];
const SYLLABLES = ['ca', 'mo', 'ri', 've', 'la', 'no', 'ta', 'ser', 'pa', 'ro', 'zen', 'qui', 'fa', 'lu', 'dor', 'mi', 'ka', 'so', 'vi', 'ne'];
const CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'дж', k: 'к', l: 'л', m: 'м',
  n: 'н', o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', y: 'й', z: 'з',
};
const POLL_MS = 500;
const CATALOG_TABLES = [
  'catalog_body_types', 'catalog_brands', 'catalog_models', 'catalog_model_terms', 'catalog_categories',
  'catalog_options', 'catalog_availability', 'catalog_base_prices', 'catalog_model_prices', 'catalog_option_prices',
];

export interface SeedModel {
  brand: string;
  model: string;
}

/** Model i of the seed: three syllables, distinct across all brands ("Camori"), so a brand + model query has one best answer. */
export function modelName(i: number): string {
  const name = `${SYLLABLES[i % 20]}${SYLLABLES[Math.floor(i / 20) % 20]}${SYLLABLES[Math.floor(i / 400) % 20]}`;
  return `${name[0].toUpperCase()}${name.slice(1)}`;
}

export function seedModels(count: number): SeedModel[] {
  const perBrand = Math.ceil(count / BRANDS.length);
  return Array.from({ length: count }, (_, i) => ({ brand: BRANDS[Math.floor(i / perBrand) % BRANDS.length], model: modelName(i) }));
}

const cyrillic = (text: string) => [...text.toLowerCase()].map((letter) => CYRILLIC[letter] ?? letter).join('');

/** The models CSV of POST /api/v1/imports/catalog (kind=models): a Cyrillic alias each, years spread over 1995–2024. */
export function modelsCsv(models: SeedModel[]): Buffer {
  const lines = ['brand,model,aliases,bodyType,yearFrom,yearTo'];
  models.forEach(({ brand, model }, i) => {
    const yearFrom = 1995 + (i % 25);
    lines.push([brand, model, cyrillic(model), BODY_TYPES[i % BODY_TYPES.length], yearFrom, i % 4 === 0 ? '' : yearFrom + 4 + (i % 7)].join(','));
  });
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** A typo a customer makes: a dropped, doubled or swapped letter, or c→k. */
function misspell(word: string, n: number): string {
  const lower = word.toLowerCase();
  const at = 1 + (n % Math.max(1, lower.length - 2));
  switch (n % 4) {
    case 0:
      return lower.slice(0, at) + lower.slice(at + 1);
    case 1:
      return lower.slice(0, at) + lower[at] + lower.slice(at);
    case 2:
      return lower.slice(0, at) + (lower[at + 1] ?? '') + lower[at] + lower.slice(at + 2);
    default:
      return lower.replace(/c/g, 'k').replace(/ph/g, 'f');
  }
}

/** `count` misspelt queries over the seed: "toyta camoori", a model alone, some in Cyrillic, some with a year. */
export function misspellings(models: SeedModel[], count: number): string[] {
  return Array.from({ length: count }, (_, n) => {
    const { brand, model } = models[(n * 7_919) % models.length];
    const typo = misspell(model, n);
    switch (n % 5) {
      case 0:
        return typo;
      case 1:
        return cyrillic(typo);
      case 2:
        return `${misspell(brand, n + 1)} ${typo} ${1998 + (n % 20)}`;
      default:
        return `${misspell(brand, n + 1)} ${typo}`;
    }
  });
}

export interface JobView {
  status: 'queued' | 'running' | 'completed' | 'failed';
  processed: number;
  failed: number;
  errors: unknown[];
}

/** Polls GET /api/v1/jobs/{id} until the job ends or the timeout passes. */
export async function awaitJob(session: ApiSession, jobId: string, timeoutSeconds: number): Promise<JobView> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const answer = await session.get<JobView>(`/api/v1/jobs/${jobId}`);
    if (answer.status !== 200) throw new Error(`GET /api/v1/jobs/${jobId} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    if (answer.body.status === 'completed' || answer.body.status === 'failed') return answer.body;
    if (Date.now() > deadline) throw new Error(`Catalog import job ${jobId} still ${answer.body.status} after ${timeoutSeconds} s (BENCH_IMPORT_TIMEOUT)`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export interface TenantCatalog {
  session: ApiSession;
  categoryId: string;
  optionIds: string[];
  /** Up to 100 model ids of the tenant, for quotes by modelId. */
  modelIds: string[];
}

async function created(session: ApiSession, path: string, body: unknown): Promise<string> {
  const answer = await session.post<{ id?: string }>(path, body);
  if (answer.status !== 201 || typeof answer.body?.id !== 'string') throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body.id;
}

/** Starts the tenant's models import and returns its job id. */
export async function uploadModels(session: ApiSession, csv: Buffer): Promise<string> {
  const accepted = await session.upload<{ jobId?: string }>('/api/v1/imports/catalog', 'file', 'bench-models.csv', csv, 'text/csv', { kind: 'models' });
  if (accepted.status !== 202 || typeof accepted.body?.jobId !== 'string') throw new Error(`POST /api/v1/imports/catalog answered ${accepted.status}: ${JSON.stringify(accepted.body).slice(0, 300)}`);
  return accepted.body.jobId;
}

/** A category with two options, a base price for every body type and the options' prices, all through the api. */
export async function seedPrices(session: ApiSession): Promise<TenantCatalog> {
  const categoryId = await created(session, '/api/v1/catalog/categories', { name: 'EVA mats', description: 'Rubber-like EVA floor mats' });
  const optionIds = [await created(session, '/api/v1/catalog/options', { categoryId, name: 'Third row' }), await created(session, '/api/v1/catalog/options', { categoryId, name: 'With rims' })];
  const bodyTypes = await session.get<{ data: { id: string; name: string }[] }>('/api/v1/catalog/body-types?limit=100');
  if (bodyTypes.status !== 200) throw new Error(`GET /api/v1/catalog/body-types answered ${bodyTypes.status}`);
  for (const [i, bodyType] of bodyTypes.body.data.entries()) {
    await created(session, '/api/v1/catalog/base-prices', { categoryId, bodyTypeId: bodyType.id, amountMinor: 450_000 + i * 50_000, currency: 'RUB' });
  }
  for (const [i, optionId] of optionIds.entries()) await created(session, '/api/v1/catalog/option-prices', { optionId, amountMinor: 100_000 + i * 50_000, currency: 'RUB' });
  const models = await session.get<{ data: { id: string }[] }>('/api/v1/catalog/models?limit=100');
  if (models.status !== 200 || models.body.data.length === 0) throw new Error(`GET /api/v1/catalog/models answered ${models.status} with ${models.body?.data?.length ?? 0} models`);
  return { session, categoryId, optionIds, modelIds: models.body.data.map((model) => model.id) };
}

/**
 * VACUUM (ANALYZE) of the catalogue's tables as the database owner; returns the time it took (ms). The test server runs
 * without autovacuum, which in production vacuums and analyses them soon after an import this size. Without statistics
 * the planner takes a tenant's thousands of search terms for a few hundred and ranks them all by similarity instead of
 * asking the trigram index; without the vacuum, the first searches after the import set the hint bits of every term they
 * read and merge the trigram index's pending entries (the first pass over the misspellings measured 1.5 times slower).
 */
export async function vacuumCatalog(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query(`VACUUM (ANALYZE) ${CATALOG_TABLES.join(', ')}`);
    return Date.now() - started;
  } finally {
    await client.end();
  }
}
