import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, Problem } from '../support/http';
import { eventually, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

interface Session {
  accessToken: string;
  user: { id: string };
  tenant: { id: string; slug: string };
}

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface Named {
  id: string;
  name: string;
}

interface Brand extends Named {
  aliases: string[];
  createdAt: string;
  updatedAt: string;
}

interface Model extends Named {
  brand: Named;
  aliases: string[];
  bodyType: Named;
  yearFrom: number | null;
  yearTo: number | null;
}

interface Category extends Named {
  description: string | null;
  active: boolean;
}

interface Option extends Named {
  categoryId: string;
  description: string | null;
}

interface Price {
  id: string;
  amountMinor: number;
  currency: string;
  validFrom: string;
}

interface Quote {
  match: 'id' | 'search' | 'ambiguous' | 'none';
  model: Model | null;
  category: Named;
  available: boolean | null;
  note?: string;
  lines: { label: string; amountMinor: number; kind: string; priceId: string; validFrom: string }[];
  totalMinor: number | null;
  currency: string | null;
  priceValidFrom: string | null;
  at: string;
  candidates?: { model: Model; score: number }[];
}

interface JobBody {
  id: string;
  type: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: number;
  processed: number;
  failed: number;
  errors: { line: number; message: string }[];
  result: Record<string, number | string>;
}

interface AuditEntry {
  action: string;
  entityId: string | null;
  after: Record<string, unknown> | null;
}

const PASSWORD = 'correct horse battery staple';
const PROBLEM_JSON = /^application\/problem\+json/;
const DEFAULT_BODY_TYPES = ['sedan', 'suv', 'minivan', 'hatchback', 'wagon', 'coupe', 'pickup'];

/** A short marker that keeps one test's records apart from the others' in the shared tenant. */
const marker = () => randomUUID().slice(0, 8);
/** A marker of letters only, for names that search sees: digits would split it into words (and "1995" would read as a year). */
const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/**
 * The catalogue black box on PostgreSQL as saler_app: reference data CRUD with its 400s and 409s,
 * role pairs, availability, append-only prices with history, quotes (by id and by free text, with
 * ambiguity), typo-tolerant search and the CSV import through the job queue.
 */
describe('catalogue: reference data, prices, quotes, search and import (black box, PostgreSQL)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;
  let manager: Session;
  let agent: Session;
  let viewer: Session;
  let bodyType: Record<string, string>;

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  const get = async <T>(path: string, token = owner.accessToken): Promise<T> => {
    const response = await call('GET', path, token);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return json<T>(response);
  };
  /** A write expecting 201 (created) or 200; anything else fails with the body. */
  const send = async <T>(method: string, path: string, body: unknown, token = owner.accessToken): Promise<T> => {
    const response = await call(method, path, token, body);
    if (response.status !== 201 && response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return json<T>(response);
  };
  const post = <T>(path: string, body: unknown, token = owner.accessToken) => send<T>('POST', path, body, token);
  /** Asserts a problem+json answer of this status (naming `field` in errors[] when given) and returns it. */
  const problem = async (response: Response, status: number, field?: string): Promise<Problem & Record<string, unknown>> => {
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status, body: expect.any(String) as string });
    expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    const body = JSON.parse(text) as Problem & Record<string, unknown>;
    if (field !== undefined) expect((body.errors ?? []).map((error) => error.field)).toContain(field);
    return body;
  };
  const newBrand = (name: string, aliases: string[] = []) => post<Brand>('/catalog/brands', { name, aliases });
  const newModel = (brandId: string, name: string, extra: Record<string, unknown> = {}) => post<Model>('/catalog/models', { brandId, name, bodyTypeId: bodyType.sedan, ...extra });
  const newCategory = (name: string) => post<Category>('/catalog/categories', { name });
  const newOption = (categoryId: string, name: string) => post<Option>('/catalog/options', { categoryId, name });
  const quote = (body: Record<string, unknown>, token = owner.accessToken) => post<Quote>('/catalog/quotes', body, token);
  const upload = (kind: string | undefined, csv: string, fileName = 'catalog.csv') => {
    const form = new FormData();
    if (kind !== undefined) form.append('kind', kind);
    form.append('file', new Blob([csv], { type: 'text/csv' }), fileName);
    return form;
  };
  const runImport = async (kind: string, csv: string): Promise<JobBody> => {
    const response = await call('POST', '/imports/catalog', owner.accessToken, upload(kind, csv));
    if (response.status !== 202) throw new Error(`import: ${response.status} ${await response.text()}`);
    const { jobId } = await json<{ jobId: string }>(response);
    return eventually(
      () => get<JobBody>(`/jobs/${jobId}`),
      (job) => job.status === 'completed' || job.status === 'failed',
      60_000,
    );
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { ...db.env, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Mat Shop', tenantSlug: 'mat-shop', email: 'owner@mats.example', password: PASSWORD, name: 'Owner' }));
    const join = async (role: string) => {
      const invitation = await post<{ token: string }>('/invitations', { email: `${role}@mats.example`, role });
      return json<Session>(call('POST', '/invitations/accept', undefined, { token: invitation.token, name: role, password: PASSWORD }));
    };
    manager = await join('manager');
    agent = await join('agent');
    viewer = await join('viewer');
    const types = await get<Page<Named>>('/catalog/body-types?limit=200');
    bodyType = Object.fromEntries(types.data.map((row) => [row.name, row.id]));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  describe('body types', () => {
    it('gives every registered tenant the default body types, its own ones', async () => {
      expect(Object.keys(bodyType).sort()).toEqual([...DEFAULT_BODY_TYPES].sort());
      const fresh = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Fresh', tenantSlug: `fresh-${marker()}`, email: `owner-${marker()}@fresh.example`, password: PASSWORD, name: 'Fresh' }));
      const theirs = await get<Page<Named>>('/catalog/body-types', fresh.accessToken);
      expect(theirs.data.map((row) => row.name).sort()).toEqual([...DEFAULT_BODY_TYPES].sort());
      expect(theirs.data.map((row) => row.id).filter((id) => Object.values(bodyType).includes(id))).toEqual([]);
    });

    it('adds, renames and deletes a body type; names are unique regardless of case', async () => {
      const m = marker();
      const created = await post<Named>('/catalog/body-types', { name: `Crossover ${m}` });
      expect(created).toMatchObject({ name: `Crossover ${m}` });
      expect((await problem(await call('POST', '/catalog/body-types', owner.accessToken, { name: `  CROSSOVER ${m} ` }), 409, 'name')).type).toBe('urn:saler:problem:conflict');
      await problem(await call('PATCH', `/catalog/body-types/${created.id}`, owner.accessToken, { name: 'SEDAN' }), 409, 'name');
      expect(await send<Named>('PATCH', `/catalog/body-types/${created.id}`, { name: `Cuv ${m}` })).toMatchObject({ id: created.id, name: `Cuv ${m}` });
      expect(await get<Named>(`/catalog/body-types/${created.id}`)).toMatchObject({ name: `Cuv ${m}` });
      expect((await call('DELETE', `/catalog/body-types/${created.id}`, owner.accessToken)).status).toBe(204);
      await problem(await call('GET', `/catalog/body-types/${created.id}`, owner.accessToken), 404);
    });

    it('refuses to delete a body type models use (409)', async () => {
      const brand = await newBrand(`Used ${marker()}`);
      const type = await post<Named>('/catalog/body-types', { name: `Roadster ${marker()}` });
      await newModel(brand.id, 'Spider', { bodyTypeId: type.id });
      expect((await problem(await call('DELETE', `/catalog/body-types/${type.id}`, owner.accessToken), 409)).type).toBe('urn:saler:problem:body-type-in-use');
    });
  });

  describe('brands', () => {
    it('creates, reads, lists, updates and deletes a brand, and audits each change', async () => {
      const m = marker();
      const brand = await newBrand(`  Toyota ${m} `, ['Тойота', 'тойота', ' ', `toyota ${m}`]);
      // Trimmed; repeated and blank aliases, and the name itself, dropped.
      expect(brand).toMatchObject({ name: `Toyota ${m}`, aliases: ['Тойота'] });
      expect(await get<Brand>(`/catalog/brands/${brand.id}`)).toEqual(brand);
      expect((await get<Page<Brand>>(`/catalog/brands?q=${encodeURIComponent(`TOYOTA ${m}`)}`)).data.map((row) => row.id)).toEqual([brand.id]);
      const updated = await send<Brand>('PATCH', `/catalog/brands/${brand.id}`, { aliases: ['Тойота', 'Toyoda'] });
      expect(updated).toMatchObject({ id: brand.id, name: `Toyota ${m}`, aliases: ['Тойота', 'Toyoda'] });
      expect((await call('DELETE', `/catalog/brands/${brand.id}`, owner.accessToken)).status).toBe(204);
      await problem(await call('GET', `/catalog/brands/${brand.id}`, owner.accessToken), 404);
      const audit = await get<Page<AuditEntry>>(`/audit-logs?entityId=${brand.id}&limit=10`);
      expect(audit.data.map((entry) => entry.action).sort()).toEqual(['brand.created', 'brand.deleted', 'brand.updated']);
    });

    it('pages newest first', async () => {
      const m = marker();
      const created: Brand[] = [];
      for (let i = 0; i < 5; i += 1) created.push(await newBrand(`Pager ${m} ${i}`));
      const first = await get<Page<Brand>>(`/catalog/brands?q=${m}&limit=3`);
      const second = await get<Page<Brand>>(`/catalog/brands?q=${m}&limit=3&cursor=${encodeURIComponent(first.nextCursor as string)}`);
      expect([...first.data, ...second.data].map((row) => row.id)).toEqual(created.map((row) => row.id).reverse());
      expect(second.nextCursor).toBeNull();
    });

    it.each([
      ['no name', {}, 'name'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a name of 101 characters', { name: 'x'.repeat(101) }, 'name'],
      ['aliases that are not a list', { name: 'Alias Co', aliases: 'Тойота' }, 'aliases'],
      ['21 aliases', { name: 'Alias Co', aliases: Array.from({ length: 21 }, (_, i) => `a${i}`) }, 'aliases'],
      ['an unknown property', { name: 'Alias Co', country: 'JP' }, 'country'],
    ])('refuses a brand with %s (400 naming the field)', async (_case, body, field) => {
      expect((await problem(await call('POST', '/catalog/brands', owner.accessToken, body), 400, field)).type).toBe('urn:saler:problem:validation');
    });

    it('refuses null for a name on PATCH, and a name another brand has (409, any case)', async () => {
      const m = marker();
      const [a, b] = [await newBrand(`Alpha ${m}`), await newBrand(`Beta ${m}`)];
      await problem(await call('PATCH', `/catalog/brands/${a.id}`, owner.accessToken, { name: null }), 400, 'name');
      await problem(await call('POST', '/catalog/brands', owner.accessToken, { name: `ALPHA ${m}` }), 409, 'name');
      await problem(await call('PATCH', `/catalog/brands/${b.id}`, owner.accessToken, { name: `alpha  ${m}` }), 409, 'name');
      expect(await get<Brand>(`/catalog/brands/${b.id}`)).toMatchObject({ name: `Beta ${m}` });
      await problem(await call('PATCH', `/catalog/brands/${randomUUID()}`, owner.accessToken, { name: 'Nobody' }), 404);
      await problem(await call('GET', '/catalog/brands/not-a-uuid', owner.accessToken), 400);
    });

    it('refuses to delete a brand with models (409 brand-has-models)', async () => {
      const brand = await newBrand(`Busy ${marker()}`);
      const model = await newModel(brand.id, 'One');
      const refused = await problem(await call('DELETE', `/catalog/brands/${brand.id}`, owner.accessToken), 409);
      expect(refused).toMatchObject({ type: 'urn:saler:problem:brand-has-models', detail: expect.stringMatching(/1 model/) as string });
      expect((await call('DELETE', `/catalog/models/${model.id}`, owner.accessToken)).status).toBe(204);
      expect((await call('DELETE', `/catalog/brands/${brand.id}`, owner.accessToken)).status).toBe(204);
    });
  });

  describe('models', () => {
    it('creates a model with its brand and body type, updates it (null clears a year, a brandId moves it) and lists by brand', async () => {
      const m = marker();
      const [toyota, lexus] = [await newBrand(`Toyota ${m}`), await newBrand(`Lexus ${m}`)];
      const model = await newModel(toyota.id, 'Land Cruiser', { aliases: ['крузак', 'LC200'], bodyTypeId: bodyType.suv, yearFrom: 2008, yearTo: 2021 });
      expect(model).toMatchObject({ name: 'Land Cruiser', brand: { id: toyota.id, name: `Toyota ${m}` }, bodyType: { id: bodyType.suv, name: 'suv' }, aliases: ['крузак', 'LC200'], yearFrom: 2008, yearTo: 2021 });
      expect(await get<Model>(`/catalog/models/${model.id}`)).toEqual(model);
      const updated = await send<Model>('PATCH', `/catalog/models/${model.id}`, { yearTo: null, brandId: lexus.id, name: 'LX' });
      expect(updated).toMatchObject({ id: model.id, name: 'LX', brand: { id: lexus.id }, yearFrom: 2008, yearTo: null, aliases: ['крузак', 'LC200'] });
      expect((await get<Page<Model>>(`/catalog/models?brandId=${lexus.id}`)).data.map((row) => row.id)).toEqual([model.id]);
      expect((await get<Page<Model>>(`/catalog/models?brandId=${toyota.id}`)).data).toEqual([]);
      // Search follows the change: the new brand and name are found, the old ones are not.
      const found = await get<{ data: { model: Model; score: number }[] }>(`/catalog/models/search?q=${encodeURIComponent(`lexus ${m} lx`)}`);
      expect(found.data[0]).toMatchObject({ model: { id: model.id }, score: 1 });
    });

    it.each([
      ['a brandId that is not a uuid', (b: string) => ({ brandId: 'x', name: 'M', bodyTypeId: b }), 'brandId'],
      ['an unknown brand', (b: string) => ({ brandId: randomUUID(), name: 'M', bodyTypeId: b }), 'brandId'],
      ['an unknown body type', () => ({ brandId: 'BRAND', name: 'M', bodyTypeId: randomUUID() }), 'bodyTypeId'],
      ['yearTo before yearFrom', (b: string) => ({ brandId: 'BRAND', name: 'M', bodyTypeId: b, yearFrom: 2020, yearTo: 2010 }), 'yearTo'],
      ['a year of 1800', (b: string) => ({ brandId: 'BRAND', name: 'M', bodyTypeId: b, yearFrom: 1800 }), 'yearFrom'],
      ['a fractional year', (b: string) => ({ brandId: 'BRAND', name: 'M', bodyTypeId: b, yearFrom: 2010.5 }), 'yearFrom'],
    ])('refuses a model with %s (400 naming the field)', async (_case, body, field) => {
      const brand = await newBrand(`Valid ${marker()}`);
      const request = JSON.parse(JSON.stringify(body(bodyType.sedan)).replace('"BRAND"', JSON.stringify(brand.id))) as Record<string, unknown>;
      await problem(await call('POST', '/catalog/models', owner.accessToken, request), 400, field);
      expect((await get<Page<Model>>(`/catalog/models?brandId=${brand.id}`)).data).toEqual([]);
    });

    it('keeps model names unique within a brand, regardless of case (409), but not across brands', async () => {
      const m = marker();
      const [kia, other] = [await newBrand(`Kia ${m}`), await newBrand(`Other ${m}`)];
      const rio = await newModel(kia.id, 'Rio');
      await problem(await call('POST', '/catalog/models', owner.accessToken, { brandId: kia.id, name: 'RIO', bodyTypeId: bodyType.sedan }), 409, 'name');
      const ceed = await newModel(kia.id, 'Ceed');
      await problem(await call('PATCH', `/catalog/models/${ceed.id}`, owner.accessToken, { name: 'rio' }), 409, 'name');
      expect(await newModel(other.id, 'Rio')).toMatchObject({ name: 'Rio', brand: { id: other.id } });
      expect(rio.id).not.toBe(ceed.id);
    });
  });

  describe('categories and options', () => {
    it('creates, updates and deletes categories and their options; names are unique (409) per tenant and per category', async () => {
      const m = marker();
      const mats = await post<Category>('/catalog/categories', { name: `EVA mats ${m}`, description: 'Honeycomb EVA' });
      expect(mats).toMatchObject({ name: `EVA mats ${m}`, description: 'Honeycomb EVA', active: true });
      await problem(await call('POST', '/catalog/categories', owner.accessToken, { name: `eva MATS ${m}` }), 409, 'name');
      const covers = await newCategory(`Seat covers ${m}`);
      const rims = await newOption(mats.id, 'With rims');
      await problem(await call('POST', '/catalog/options', owner.accessToken, { categoryId: mats.id, name: 'with RIMS' }), 409, 'name');
      expect(await newOption(covers.id, 'With rims')).toMatchObject({ categoryId: covers.id });
      expect((await get<Page<Option>>(`/catalog/options?categoryId=${mats.id}`)).data.map((row) => row.id)).toEqual([rims.id]);
      expect(await send<Option>('PATCH', `/catalog/options/${rims.id}`, { name: 'With rims (black)', description: 'Black edging' })).toMatchObject({ name: 'With rims (black)', description: 'Black edging', categoryId: mats.id });
      await problem(await call('PATCH', `/catalog/options/${rims.id}`, owner.accessToken, { categoryId: covers.id }), 400, 'categoryId');
      expect(await send<Category>('PATCH', `/catalog/categories/${mats.id}`, { active: false, description: null })).toMatchObject({ active: false, description: null });
      const refused = await problem(await call('DELETE', `/catalog/categories/${mats.id}`, owner.accessToken), 409);
      expect(refused.type).toBe('urn:saler:problem:category-in-use');
      expect((await call('DELETE', `/catalog/options/${rims.id}`, owner.accessToken)).status).toBe(204);
      expect((await call('DELETE', `/catalog/categories/${mats.id}`, owner.accessToken)).status).toBe(204);
      await problem(await call('GET', `/catalog/categories/${mats.id}`, owner.accessToken), 404);
      await problem(await call('GET', `/catalog/options/${rims.id}`, owner.accessToken), 404);
    });

    it.each([
      ['categories', { name: 'Mats', active: 'yes' }, 'active'],
      ['categories', { name: 'Mats', description: 'x'.repeat(1001) }, 'description'],
      ['options', { name: 'Rims' }, 'categoryId'],
      ['options', { categoryId: randomUUID(), name: 'Rims' }, 'categoryId'],
    ])('refuses a bad %s body (400 naming %j)', async (resource, body, field) => {
      await problem(await call('POST', `/catalog/${resource}`, owner.accessToken, body), 400, field);
    });
  });

  describe('roles', () => {
    it('lets agents and viewers read and quote but not write (403); managers write', async () => {
      const m = marker();
      const brand = await newBrand(`Roles ${m}`);
      const model = await newModel(brand.id, 'Civic');
      const category = await newCategory(`Roles mats ${m}`);
      await post('/catalog/base-prices', { categoryId: category.id, bodyTypeId: bodyType.sedan, amountMinor: 1000, currency: 'EUR', validFrom: '2026-01-01' });
      for (const reader of [agent, viewer]) {
        expect((await call('GET', '/catalog/brands', reader.accessToken)).status).toBe(200);
        expect((await call('GET', `/catalog/models/${model.id}`, reader.accessToken)).status).toBe(200);
        expect((await call('GET', '/catalog/models/search?q=civic', reader.accessToken)).status).toBe(200);
        expect((await call('GET', '/catalog/base-prices', reader.accessToken)).status).toBe(200);
        expect((await quote({ modelId: model.id, categoryId: category.id }, reader.accessToken)).totalMinor).toBe(1000);
        const refused = [
          await call('POST', '/catalog/brands', reader.accessToken, { name: `Nope ${marker()}` }),
          await call('PATCH', `/catalog/brands/${brand.id}`, reader.accessToken, { name: 'Renamed' }),
          await call('DELETE', `/catalog/models/${model.id}`, reader.accessToken),
          await call('PUT', '/catalog/availability', reader.accessToken, { modelId: model.id, categoryId: category.id, available: false }),
          await call('POST', '/catalog/base-prices', reader.accessToken, { categoryId: category.id, bodyTypeId: bodyType.sedan, amountMinor: 1, currency: 'EUR' }),
          await call('POST', '/imports/catalog', reader.accessToken, upload('models', 'brand,model,bodyType\nX,Y,sedan\n')),
        ];
        expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 403]);
      }
      expect(await post<Brand>('/catalog/brands', { name: `Manager ${m}` }, manager.accessToken)).toMatchObject({ name: `Manager ${m}` });
      expect(await get<Brand>(`/catalog/brands/${brand.id}`)).toMatchObject({ name: `Roles ${m}` });
    });
  });

  describe('prices and quotes', () => {
    let camry: Model;
    let crv: Model;
    let mats: Category;
    let rims: Option;
    let heel: Option;
    let basePrice: Price;

    beforeAll(async () => {
      const m = word();
      const toyota = await newBrand(`Toyota Q${m}`, ['Тойота']);
      camry = await newModel(toyota.id, `Camry ${m}`, { aliases: [`камри ${m}`] });
      const honda = await newBrand(`Honda Q${m}`);
      crv = await newModel(honda.id, `CR-V ${m}`, { bodyTypeId: bodyType.suv });
      mats = await newCategory(`EVA mats Q${m}`);
      rims = await newOption(mats.id, 'With rims');
      heel = await newOption(mats.id, 'Heel pad');
      basePrice = await post<Price>('/catalog/base-prices', { categoryId: mats.id, bodyTypeId: bodyType.sedan, amountMinor: 450000, currency: 'RUB', validFrom: '2026-01-01' });
      await post('/catalog/option-prices', { optionId: rims.id, amountMinor: 50000, currency: 'RUB', validFrom: '2026-02-01T00:00:00Z' });
      await post('/catalog/option-prices', { optionId: heel.id, amountMinor: 30000, currency: 'RUB', validFrom: '2025-12-01' });
    });

    it('quotes a sedan with two options as base + options', async () => {
      const result = await quote({ modelId: camry.id, categoryId: mats.id, optionIds: [rims.id, heel.id] });
      expect(result).toMatchObject({
        match: 'id',
        model: { id: camry.id, bodyType: { name: 'sedan' } },
        category: { id: mats.id, name: mats.name },
        available: true,
        totalMinor: 450000 + 50000 + 30000,
        currency: 'RUB',
        priceValidFrom: '2026-02-01T00:00:00.000Z',
      });
      expect(result.lines.map((line) => [line.kind, line.amountMinor])).toEqual([
        ['base', 450000],
        ['option', 50000],
        ['option', 30000],
      ]);
      expect(result.lines[0]).toMatchObject({ label: `${mats.name} for ${camry.brand.name} ${camry.name} (sedan)`, priceId: basePrice.id, validFrom: '2026-01-01T00:00:00.000Z' });
      expect(result.lines.slice(1).map((line) => line.label)).toEqual(['With rims', 'Heel pad']);
      expect(result.note).toBeUndefined();
    });

    it('keeps an earlier quote explainable after a price with a later validFrom: old rows stay, `at` reprices as it was', async () => {
      const before = new Date().toISOString();
      const earlier = await quote({ modelId: camry.id, categoryId: mats.id, optionIds: [rims.id], at: before });
      expect(earlier.totalMinor).toBe(500000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const raised = await post<Price>('/catalog/base-prices', { categoryId: mats.id, bodyTypeId: bodyType.sedan, amountMinor: 480000, currency: 'RUB' });
      expect(new Date(raised.validFrom).getTime()).toBeGreaterThan(new Date(before).getTime());
      // Now: the new row.
      const now = await quote({ modelId: camry.id, categoryId: mats.id, optionIds: [rims.id] });
      expect(now).toMatchObject({ totalMinor: 530000, priceValidFrom: raised.validFrom });
      expect(now.lines[0].priceId).toBe(raised.id);
      // As at the earlier moment: the same figures and rows as then.
      const again = await quote({ modelId: camry.id, categoryId: mats.id, optionIds: [rims.id], at: before });
      expect(again).toEqual(earlier);
      expect(again.lines[0].priceId).toBe(basePrice.id);
      // Both rows are listed: history is kept, never rewritten.
      const history = await get<Page<Price>>(`/catalog/base-prices?categoryId=${mats.id}`);
      expect(history.data.map((row) => [row.id, row.amountMinor])).toEqual([
        [raised.id, 480000],
        [basePrice.id, 450000],
      ]);
      // A price starting in the past of a key with history, or a second one at the same start, is refused.
      const past = await problem(await call('POST', '/catalog/base-prices', owner.accessToken, { categoryId: mats.id, bodyTypeId: bodyType.sedan, amountMinor: 1, currency: 'RUB', validFrom: '2026-03-01' }), 409, 'validFrom');
      expect(past.type).toBe('urn:saler:problem:price-history');
      const same = await problem(await call('POST', '/catalog/base-prices', owner.accessToken, { categoryId: mats.id, bodyTypeId: bodyType.sedan, amountMinor: 1, currency: 'RUB', validFrom: raised.validFrom }), 409);
      expect(same.type).toBe('urn:saler:problem:price-exists');
      // A future price does not change today's quote.
      await post('/catalog/base-prices', { categoryId: mats.id, bodyTypeId: bodyType.sedan, amountMinor: 999900, currency: 'RUB', validFrom: '2099-01-01' });
      expect((await quote({ modelId: camry.id, categoryId: mats.id })).totalMinor).toBe(480000);
      expect((await quote({ modelId: camry.id, categoryId: mats.id, at: '2099-06-01' })).totalMinor).toBe(999900);
    });

    it('uses a model’s own price instead of the base price', async () => {
      const m = marker();
      const category = await newCategory(`Override ${m}`);
      await post('/catalog/base-prices', { categoryId: category.id, bodyTypeId: bodyType.sedan, amountMinor: 1000, currency: 'EUR', validFrom: '2026-01-01' });
      const own = await post<Price>('/catalog/model-prices', { modelId: camry.id, categoryId: category.id, amountMinor: 1500, currency: 'EUR', validFrom: '2026-01-01' });
      const result = await quote({ modelId: camry.id, categoryId: category.id });
      expect(result).toMatchObject({ totalMinor: 1500, currency: 'EUR', lines: [{ kind: 'model', priceId: own.id, label: `${category.name} for ${camry.brand.name} ${camry.name}` }] });
      expect((await get<Page<Price>>(`/catalog/model-prices?modelId=${camry.id}`)).data.map((row) => row.id)).toEqual([own.id]);
      // A model with its own prices cannot be deleted (past quotes rely on them).
      expect((await problem(await call('DELETE', `/catalog/models/${camry.id}`, owner.accessToken), 409)).type).toBe('urn:saler:problem:model-has-prices');
    });

    it('answers "not available" with the note for a pair marked unavailable, and prices it again once available', async () => {
      const mark = await send<{ id: string; available: boolean; note: string | null }>('PUT', '/catalog/availability', { modelId: crv.id, categoryId: mats.id, available: false, note: 'No pattern yet: we measure your car for free' });
      expect(mark).toMatchObject({ available: false, note: 'No pattern yet: we measure your car for free' });
      const result = await quote({ modelId: crv.id, categoryId: mats.id, optionIds: [rims.id] });
      expect(result).toMatchObject({ match: 'id', model: { id: crv.id }, available: false, note: 'No pattern yet: we measure your car for free', lines: [], totalMinor: null, currency: null, priceValidFrom: null });
      // The mark is replaced, not duplicated; available again means priced (here: no suv price yet, 422).
      const again = await send<{ id: string; available: boolean; note: string | null }>('PUT', '/catalog/availability', { modelId: crv.id, categoryId: mats.id, available: true, note: null });
      expect(again).toMatchObject({ id: mark.id, available: true, note: null });
      expect((await get<Page<{ id: string }>>(`/catalog/availability?modelId=${crv.id}`)).data.map((row) => row.id)).toEqual([mark.id]);
      await problem(await call('PUT', '/catalog/availability', owner.accessToken, { modelId: crv.id, categoryId: mats.id }), 400, 'available');
      await problem(await call('PUT', '/catalog/availability', owner.accessToken, { modelId: randomUUID(), categoryId: mats.id, available: true }), 400, 'modelId');
    });

    it('names what has no price (422): the base price of the body type, and each option', async () => {
      const missing = await problem(await call('POST', '/catalog/quotes', owner.accessToken, { modelId: crv.id, categoryId: mats.id, optionIds: [heel.id] }), 422, 'categoryId');
      expect(missing).toMatchObject({ type: 'urn:saler:problem:price-missing', detail: expect.stringContaining(`${mats.name} for ${crv.brand.name} ${crv.name} (suv)`) as string });
      expect(missing.missing).toEqual([{ kind: 'base', label: `${mats.name} for ${crv.brand.name} ${crv.name} (suv)`, field: 'categoryId' }]);
      const unpriced = await newOption(mats.id, `Unpriced ${marker()}`);
      const option = await problem(await call('POST', '/catalog/quotes', owner.accessToken, { modelId: camry.id, categoryId: mats.id, optionIds: [rims.id, unpriced.id] }), 422, 'optionIds[1]');
      expect(option.detail).toContain(unpriced.name);
      // Before the first price of a key existed, there was no price either.
      await problem(await call('POST', '/catalog/quotes', owner.accessToken, { modelId: camry.id, categoryId: mats.id, at: '2025-06-01' }), 422, 'categoryId');
    });

    it('resolves modelQuery through search: Cyrillic, misspelt, with a year', async () => {
      const m = camry.name.split(' ')[1];
      const byId = await quote({ modelId: camry.id, categoryId: mats.id });
      for (const text of [`камри ${m}`, `camri ${m}`, `тойота камри ${m} 2015`, `toyota camry ${m}`]) {
        const result = await quote({ modelQuery: text, categoryId: mats.id });
        expect({ text, match: result.match, model: result.model?.id, total: result.totalMinor }).toEqual({ text, match: 'search', model: camry.id, total: byId.totalMinor });
      }
    });

    it('lists candidates instead of guessing when the match is ambiguous, and says none when nothing matches', async () => {
      const m = word();
      const [vw, seat] = [await newBrand(`Volkswagen ${m}`), await newBrand(`Seat ${m}`)];
      const [vwPolo, seatPolo] = [await newModel(vw.id, `Polo${m}`), await newModel(seat.id, `Polo${m}`)];
      const ambiguous = await quote({ modelQuery: `polo${m}`, categoryId: mats.id });
      expect(ambiguous).toMatchObject({ match: 'ambiguous', model: null, available: null, lines: [], totalMinor: null, currency: null, priceValidFrom: null });
      expect(ambiguous.candidates?.slice(0, 2).map((candidate) => candidate.model.id).sort()).toEqual([vwPolo.id, seatPolo.id].sort());
      expect(ambiguous.candidates?.[0].score).toBe(1);
      // Naming the brand settles it.
      const settled = await quote({ modelQuery: `volkswagen ${m} polo${m}`, categoryId: mats.id });
      expect(settled).toMatchObject({ match: 'search', model: { id: vwPolo.id }, available: true, currency: 'RUB' });
      expect(settled.totalMinor).toBe((await quote({ modelId: vwPolo.id, categoryId: mats.id })).totalMinor);
      const none = await quote({ modelQuery: 'qqqqqqqqqqqq', categoryId: mats.id });
      expect(none).toMatchObject({ match: 'none', model: null, candidates: [], totalMinor: null });
    });

    type Fixture = { model: string; category: string; rims: string; elsewhere: string };
    it.each([
      ['both modelId and modelQuery', (f: Fixture) => ({ modelId: f.model, modelQuery: 'camry', categoryId: f.category }), 'modelId'],
      ['neither modelId nor modelQuery', (f: Fixture) => ({ categoryId: f.category }), 'modelId'],
      ['an unknown model', (f: Fixture) => ({ modelId: randomUUID(), categoryId: f.category }), 'modelId'],
      ['an unknown category', () => ({ modelQuery: 'camry', categoryId: randomUUID() }), 'categoryId'],
      ['an option of another category', (f: Fixture) => ({ modelId: f.model, categoryId: f.category, optionIds: [f.elsewhere] }), 'optionIds[0]'],
      ['a repeated option', (f: Fixture) => ({ modelId: f.model, categoryId: f.category, optionIds: [f.rims, f.rims] }), 'optionIds'],
      ['an at without a time zone', (f: Fixture) => ({ modelId: f.model, categoryId: f.category, at: '2026-01-01T10:00:00' }), 'at'],
      ['an unknown property', (f: Fixture) => ({ modelId: f.model, categoryId: f.category, coupon: 'FREE' }), 'coupon'],
    ])('refuses a quote with %s (400 naming the field)', async (_case, body, field) => {
      const elsewhere = await newOption((await newCategory(`Other ${marker()}`)).id, 'Elsewhere');
      await problem(await call('POST', '/catalog/quotes', owner.accessToken, body({ model: camry.id, category: mats.id, rims: rims.id, elsewhere: elsewhere.id })), 400, field);
    });
  });

  describe('search', () => {
    it('finds models by brand + model + aliases, in Latin or Cyrillic, misspelt, ranked with a score', async () => {
      const m = word();
      const toyota = await newBrand(`Toyota S${m}`, ['Тойота']);
      const cruiser = await newModel(toyota.id, `Land Cruiser ${m}`, { aliases: [`крузак${m}`], bodyTypeId: bodyType.suv });
      const rav = await newModel(toyota.id, `RAV4 ${m}`, { bodyTypeId: bodyType.suv });
      const search = (q: string) => get<{ data: { model: Model; score: number }[] }>(`/catalog/models/search?q=${encodeURIComponent(q)}&limit=5`);
      expect((await search(`крузак${m}`)).data[0]).toMatchObject({ model: { id: cruiser.id, brand: { id: toyota.id } }, score: 1 });
      for (const q of [`rav-4 ${m}`, `рав 4 ${m}`, `toyota rav4 ${m}`]) expect({ q, first: (await search(q)).data[0]?.model.id }).toEqual({ q, first: rav.id });
      const ranked = await search(`land kruiser ${m}`);
      expect(ranked.data[0].model.id).toBe(cruiser.id);
      const scores = ranked.data.map((row) => row.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
      await problem(await call('GET', '/catalog/models/search', owner.accessToken), 400, 'q');
      await problem(await call('GET', '/catalog/models/search?q=x&limit=51', owner.accessToken), 400, 'limit');
    });
  });

  describe('CSV import', () => {
    it('imports models through the worker with per-row errors by line, and a second import of the file changes nothing', async () => {
      const m = word();
      const csv = [
        'Brand,Model,Aliases,Body Type,Year From,Year To',
        `Mazda ${m},CX-5,сх5;cx 5,suv,2012,`,
        `Mazda ${m},"6",мазда 6|шестерка,sedan,2012,2023`,
        `Mazda ${m},Bongo,,spaceship,1999,2020`,
        `Lada ${m},Vesta,веста,sedan,abc,`,
        `Lada ${m},Niva,нива,suv,1977,`,
        '',
        `Lada ${m},"Granta, Cross",гранта кросс,wagon,2018,`,
      ].join('\n');
      const job = await runImport('models', `${csv}\n`);
      expect(job).toMatchObject({ type: 'import.catalog.models', status: 'completed', progress: 100, processed: 6, failed: 2 });
      expect(job.errors).toEqual([
        { line: 4, message: expect.stringMatching(/Unknown body type "spaceship"; the body types are .*sedan/) as string },
        { line: 5, message: expect.stringMatching(/yearFrom "abc"/) as string },
      ]);
      expect(job.result).toMatchObject({ kind: 'models', brandsCreated: 2, modelsCreated: 4, modelsUpdated: 0, unchanged: 0 });
      const mazda = (await get<Page<Brand>>(`/catalog/brands?q=${encodeURIComponent(`mazda ${m}`)}`)).data[0];
      const models = await get<Page<Model>>(`/catalog/models?brandId=${mazda.id}`);
      expect(models.data.map((model) => [model.name, model.bodyType.name, model.aliases, model.yearFrom, model.yearTo]).sort()).toEqual([
        ['6', 'sedan', ['мазда 6', 'шестерка'], 2012, 2023],
        ['CX-5', 'suv', ['сх5', 'cx 5'], 2012, null],
      ]);
      // Imported models are searchable at once, by name and by alias.
      expect((await get<{ data: { model: Model }[] }>(`/catalog/models/search?q=${encodeURIComponent(`lada ${m} granta cross`)}`)).data[0].model.name).toBe('Granta, Cross');
      expect((await get<{ data: { model: Model }[] }>(`/catalog/models/search?q=${encodeURIComponent(`лада ${m} гранта кросс`)}`)).data[0].model.name).toBe('Granta, Cross');

      const again = await runImport('models', `${csv}\n`);
      expect(again).toMatchObject({ status: 'completed', processed: 6, failed: 2, result: { brandsCreated: 0, modelsCreated: 0, modelsUpdated: 0, unchanged: 4 } });
      expect((await get<Page<Model>>(`/catalog/models?brandId=${mazda.id}`)).data.map((model) => model.id).sort()).toEqual(models.data.map((model) => model.id).sort());
      // A changed row updates its model in place.
      const changed = await runImport('models', `brand,model,aliases,bodyType,yearFrom,yearTo\nMazda ${m},CX-5,сх5;cx 5,suv,2012,2017\n`);
      expect(changed.result).toMatchObject({ modelsCreated: 0, modelsUpdated: 1 });
      expect((await get<Page<Model>>(`/catalog/models?brandId=${mazda.id}&q=cx-5`)).data[0]).toMatchObject({ yearTo: 2017 });
    });

    it('imports prices (base, option, per-model) idempotently, refusing bad rows by line', async () => {
      const m = marker();
      const brand = await newBrand(`Skoda ${m}`);
      const octavia = await newModel(brand.id, 'Octavia');
      const category = await newCategory(`Covers ${m}`);
      const rims = await newOption(category.id, 'With rims');
      const csv = [
        'category,bodyType,brand,model,option,price,currency,validFrom',
        `Covers ${m},sedan,,,,4500,RUB,2026-01-01`,
        `Covers ${m},suv,,,,"5 200,50",RUB,2026-01-01`,
        `Covers ${m},,,,With rims,500,RUB,2026-01-01`,
        `Nothing ${m},sedan,,,,100,RUB,2026-01-01`,
        `Covers ${m},,Skoda ${m},Octavia,,4900,RUB,2026-01-01`,
        `Covers ${m},sedan,,,,12.345,RUB,2026-01-01`,
        `Covers ${m},,,,Without rims,1,RUB,2026-01-01`,
      ].join('\n');
      const job = await runImport('prices', csv);
      expect(job).toMatchObject({ type: 'import.catalog.prices', status: 'completed', processed: 7, failed: 3, result: { pricesCreated: 4, unchanged: 0 } });
      expect(job.errors).toEqual([
        { line: 5, message: `Unknown category "Nothing ${m}"` },
        { line: 7, message: expect.stringMatching(/more decimals/) as string },
        { line: 8, message: `Unknown option "Without rims" in the category Covers ${m}` },
      ]);
      expect((await quote({ modelId: octavia.id, categoryId: category.id, optionIds: [rims.id] })).totalMinor).toBe(490000 + 50000);
      expect((await get<Page<Price>>(`/catalog/base-prices?categoryId=${category.id}`)).data.map((row) => row.amountMinor).sort()).toEqual([450000, 520050]);

      const again = await runImport('prices', csv);
      expect(again).toMatchObject({ status: 'completed', failed: 3, result: { pricesCreated: 0, unchanged: 4 } });
      expect((await get<Page<Price>>(`/catalog/base-prices?categoryId=${category.id}`)).data).toHaveLength(2);
      // Another amount at the same start is refused on its line, never written over the old one.
      const rewrite = await runImport('prices', `category,bodyType,price,currency,validFrom\nCovers ${m},sedan,4600,RUB,2026-01-01\n`);
      expect(rewrite).toMatchObject({ failed: 1, errors: [{ line: 2, message: expect.stringMatching(/never changed/) as string }], result: { pricesCreated: 0 } });
    });

    it('refuses an upload it cannot import: no kind, an unknown kind, a bad header, an empty file (400), and needs multipart (415)', async () => {
      await problem(await call('POST', '/imports/catalog', owner.accessToken, upload(undefined, 'brand,model,bodyType\n')), 400, 'kind');
      await problem(await call('POST', '/imports/catalog', owner.accessToken, upload('brands', 'brand,model,bodyType\n')), 400, 'kind');
      const header = await problem(await call('POST', '/imports/catalog', owner.accessToken, upload('models', 'brand,model,colour\nA,B,red\n')), 400, 'file');
      expect(header.errors?.[0].message).toMatch(/Unknown column "colour"/);
      await problem(await call('POST', '/imports/catalog', owner.accessToken, upload('prices', 'category,price,currency\nA,1,EUR\n')), 400, 'file');
      await problem(await call('POST', '/imports/catalog', owner.accessToken, upload('models', '')), 400, 'file');
      await problem(await call('POST', '/imports/catalog', owner.accessToken, { kind: 'models' }), 415);
    });
  });

  describe('CLI: saler import:catalog', () => {
    let dir: string;
    const cli = async (args: string[]) => {
      const proc = startProcess({ entry: { dist: 'apps/cli/src/main.js' }, env: db.env, args });
      const code = await proc.exited;
      return { code, output: proc.output() };
    };
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'saler-catalog-cli-'));
    });

    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports a models file into a tenant, printing progress; a second run changes nothing', async () => {
      const m = word();
      const path = file('models.csv', `brand,model,aliases,bodyType,yearFrom,yearTo\nCli ${m},Alpha,альфа,sedan,2015,\nCli ${m},Beta,,suv,,\n`);
      const first = await cli(['import:catalog', path, '--tenant', 'mat-shop', '--kind', 'models']);
      expect(first).toEqual({ code: 0, output: expect.stringMatching(/Importing models from .*models\.csv .* into mat-shop, job [0-9a-f-]{36}\n\s+\d+%\s+2 rows, 0 refused\nDone: 2 rows, 0 refused; brandsCreated 1, modelsCreated 2/) as string });
      const brand = (await get<Page<Brand>>(`/catalog/brands?q=${encodeURIComponent(`cli ${m}`)}`)).data[0];
      expect((await get<Page<Model>>(`/catalog/models?brandId=${brand.id}`)).data.map((model) => model.name).sort()).toEqual(['Alpha', 'Beta']);
      const second = await cli(['import:catalog', path, '--tenant', 'mat-shop', '--kind', 'models']);
      expect(second).toEqual({ code: 0, output: expect.stringMatching(/modelsCreated 0, modelsUpdated 0, unchanged 2/) as string });
    });

    it('exits 1 with a clear message: refused rows by line, a bad header, an unknown tenant, file or kind', async () => {
      const rows = await cli(['import:catalog', file('bad-rows.csv', 'category,bodyType,price,currency\nNowhere,sedan,10,EUR\n'), '--tenant', 'mat-shop', '--kind', 'prices']);
      expect(rows.code).toBe(1);
      expect(rows.output).toContain('line 2: Unknown category "Nowhere"');
      expect(rows.output).toContain('1 row was refused');
      const cases: [string[], RegExp][] = [
        [[file('header.csv', 'brand,colour\nA,red\n'), '--tenant', 'mat-shop', '--kind', 'models'], /^Unknown column "colour" in a models file/m],
        [[file('ok.csv', 'brand,model,bodyType\n'), '--tenant', 'no-such-shop', '--kind', 'models'], /^No tenant with the slug "no-such-shop"$/m],
        [[join(dir, 'missing.csv'), '--tenant', 'mat-shop', '--kind', 'models'], /^No such file: .*missing\.csv$/m],
        [[file('ok.csv', 'brand,model,bodyType\n'), '--tenant', 'mat-shop', '--kind', 'brands'], /--kind must be models or prices, not "brands"/],
      ];
      for (const [args, message] of cases) {
        const run = await cli(['import:catalog', ...args]);
        expect({ args, code: run.code, output: run.output }).toEqual({ args, code: 1, output: expect.stringMatching(message) as string });
      }
    });
  });
});
