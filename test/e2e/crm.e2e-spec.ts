import { randomUUID } from 'node:crypto';
import { json, Problem } from '../support/http';
import { eventually, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

interface Session {
  accessToken: string;
  user: { id: string; email: string };
  tenant: { id: string; slug: string; role: string };
}

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface Contact {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
  identities: { channel: string; platformUserId: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface Duplicate {
  contact: Contact;
  reasons: string[];
}

type StageKind = 'open' | 'won' | 'lost';

interface Stage {
  id: string;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
}

interface Pipeline {
  id: string;
  name: string;
  isDefault: boolean;
  stages: Stage[];
  createdAt: string;
}

interface Lead {
  id: string;
  contact: { id: string; name: string | null; email: string | null; phone: string | null };
  title: string;
  valueMinor: number;
  currency: string;
  source: string;
  pipelineId: string;
  stageId: string;
  status: StageKind;
  lostReason: string | null;
  score: number;
  assigneeId: string | null;
  tags: string[];
  expectedCloseDate: string | null;
  lastActivityAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface Activity {
  id: string;
  type: string;
  data: Record<string, unknown>;
  leadId: string | null;
  contactId: string | null;
  actor: { type: string; id: string | null };
  createdAt: string;
}

interface AuditEntry {
  action: string;
  entityType: string | null;
  entityId: string | null;
  actor: { type: string; id: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const PASSWORD = 'correct horse battery staple';
const PROBLEM_JSON = /^application\/problem\+json/;
const MASK = '***';
const DEFAULT_STAGES = [
  ['New', 'open'],
  ['Contacted', 'open'],
  ['Qualified', 'open'],
  ['Proposal', 'open'],
  ['Won', 'won'],
  ['Lost', 'lost'],
];
const STAGES = [
  { name: 'Lead', probability: 10, kind: 'open' },
  { name: 'Demo', probability: 50, kind: 'open' },
  { name: 'Signed', probability: 100, kind: 'won' },
  { name: 'Dropped', probability: 0, kind: 'lost' },
];

/** A short marker that keeps one test's records apart from the others' in the shared tenant. */
const marker = () => randomUUID().slice(0, 8);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A lead as a client compares it over time: the score is derived data the background scoring job may change at any moment. */
const settled = (lead: Lead) => ({ ...lead, score: expect.any(Number) as number });

/**
 * The CRM context black box on PostgreSQL as saler_app: contacts, pipelines, leads, activities,
 * their role rules (with agent ownership) and field masking, keyset pages, ETag / If-Match.
 */
describe('CRM: contacts, pipelines, leads and activities (black box, PostgreSQL)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;
  let manager: Session;
  let agent: Session;
  let otherAgent: Session;
  let viewer: Session;
  let sales: Pipeline;
  /** The default pipeline's stages by name. */
  let stage: Record<string, Stage>;

  const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  /** GET as the owner unless told otherwise; anything but 200 fails the test with the body. */
  const get = async <T>(path: string, token = owner.accessToken): Promise<T> => {
    const response = await call('GET', path, token);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return json<T>(response);
  };
  /** POST expecting 201 (created) or 200 (a command on a resource). */
  const post = async <T>(path: string, body: unknown, token = owner.accessToken): Promise<T> => {
    const response = await call('POST', path, token, body);
    if (response.status !== 201 && response.status !== 200) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return json<T>(response);
  };
  /** Asserts a problem+json answer of this status (naming `field` in errors[] when given) and returns it. */
  const problem = async (response: Response, status: number, field?: string): Promise<Problem> => {
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status, body: expect.any(String) as string });
    expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    const body = JSON.parse(text) as Problem;
    expect(body.status).toBe(status);
    if (field !== undefined) expect((body.errors ?? []).map((error) => error.field)).toContain(field);
    return body;
  };
  const newContact = (body: Record<string, unknown>, token = owner.accessToken) => post<Contact>('/contacts', body, token);
  const newLead = (body: Record<string, unknown>, token = owner.accessToken) => post<Lead>('/leads', { title: `Deal ${marker()}`, contact: { name: `Buyer ${marker()}` }, ...body }, token);
  /** Every page of a list, following nextCursor; fails on a page that repeats an id. */
  const walk = async <T extends { id: string }>(path: string, limit: number, token = owner.accessToken): Promise<{ ids: string[]; pages: number; rows: T[] }> => {
    const rows: T[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: Page<T> = await get<Page<T>>(`${path}${separator}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, token);
      expect(page.data.length).toBeLessThanOrEqual(limit);
      rows.push(...page.data);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    const ids = rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    return { ids, pages, rows };
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The whole database environment: the outbox relay (and so lead scoring) needs the system login.
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { ...db.env, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'CRM Shop', tenantSlug: 'crm-shop', email: 'owner@crm.example', password: PASSWORD, name: 'Owner' }));
    const join = async (role: string, name: string) => {
      const invitation = await post<{ token: string }>('/invitations', { email: `${name.toLowerCase().replace(/\s/g, '.')}@crm.example`, role });
      return json<Session>(call('POST', '/invitations/accept', undefined, { token: invitation.token, name, password: PASSWORD }));
    };
    manager = await join('manager', 'Mia Manager');
    agent = await join('agent', 'Al Agent');
    otherAgent = await join('agent', 'Bo Agent');
    viewer = await join('viewer', 'Vi Viewer');
    const pipelines = await get<{ data: Pipeline[] }>('/pipelines');
    sales = pipelines.data.find((pipeline) => pipeline.isDefault) as Pipeline;
    stage = Object.fromEntries(sales.stages.map((row) => [row.name, row]));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('gives every registered tenant the default pipeline New → Contacted → Qualified → Proposal → Won / Lost', async () => {
    const fresh = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Fresh', tenantSlug: `fresh-${marker()}`, email: `owner-${marker()}@fresh.example`, password: PASSWORD, name: 'Fresh' }));
    const pipelines = await get<{ data: Pipeline[] }>('/pipelines', fresh.accessToken);
    expect(pipelines.data).toHaveLength(1);
    const [pipeline] = pipelines.data;
    expect(pipeline).toMatchObject({ name: 'Sales', isDefault: true });
    expect(pipeline.stages.map((row) => [row.name, row.kind])).toEqual(DEFAULT_STAGES);
    expect(pipeline.stages.map((row) => row.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await get<Pipeline>(`/pipelines/${pipeline.id}`, fresh.accessToken)).toEqual(pipeline);
    // The shared tenant got the same, and the two are different pipelines.
    expect(sales.stages.map((row) => [row.name, row.kind])).toEqual(DEFAULT_STAGES);
    expect(pipeline.id).not.toBe(sales.id);
  });

  describe('contacts', () => {
    it('creates a contact with the email lower-cased, the phone in E.164 and the attributes kept', async () => {
      const m = marker();
      const response = await call('POST', '/contacts', owner.accessToken, {
        name: 'Ada Lovelace',
        email: `Ada.${m}@Example.COM`,
        phone: '+1 (415) 555-2671',
        locale: 'en-GB',
        attributes: { plan: 'pro', seats: 12, vip: true, referrer: null },
        identities: [{ channel: 'telegram', platformUserId: `tg-ada-${m}` }],
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      const contact = await json<Contact>(response);
      expect(contact).toMatchObject({
        name: 'Ada Lovelace',
        email: `ada.${m}@example.com`,
        phone: '+14155552671',
        locale: 'en-GB',
        attributes: { plan: 'pro', seats: 12, vip: true, referrer: null },
        identities: [{ channel: 'telegram', platformUserId: `tg-ada-${m}` }],
        version: 1,
      });
      expect(await get<Contact>(`/contacts/${contact.id}`)).toEqual(contact);
      // 50 attribute keys is the most allowed.
      const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key${i}`, i]));
      expect((await newContact({ name: `Fifty ${m}`, attributes: fifty })).attributes).toEqual(fifty);
    });

    const fiftyOne = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`key${i}`, i]));
    it.each([
      ['a bad email', { name: 'Bad Email', email: 'not-an-email' }, 'email'],
      ['an invalid phone', { name: 'Bad Phone', phone: '12345' }, 'phone'],
      ['51 attribute keys', { name: 'Many Keys', attributes: fiftyOne }, 'attributes'],
      ['a nested attribute value', { name: 'Nested', attributes: { address: { city: 'Lisbon' } } }, 'attributes.address'],
      ['an unknown property', { name: 'Unknown', nickname: 'Al' }, 'nickname'],
      ['an empty body (no name, email, phone or identity)', {}, 'name'],
    ])('refuses %s: 400 problem+json naming the field, nothing stored', async (_case, body, field) => {
      const before = await get<Page<Contact>>('/contacts?limit=200');
      const refused = await problem(await call('POST', '/contacts', owner.accessToken, body), 400, field);
      expect(refused).toMatchObject({ type: 'urn:saler:problem:validation', title: expect.any(String) as string });
      expect(JSON.stringify(refused)).not.toMatch(/at \w+ \(|SELECT|INSERT/);
      expect((await get<Page<Contact>>('/contacts?limit=200')).data.map((row) => row.id)).toEqual(before.data.map((row) => row.id));
    });

    it('refuses a platform identity another contact holds (409), on create and on update', async () => {
      const m = marker();
      const identity = { channel: 'whatsapp', platformUserId: `wa-${m}` };
      const first = await newContact({ name: `First ${m}`, identities: [identity] });
      const taken = await problem(await call('POST', '/contacts', owner.accessToken, { name: `Second ${m}`, identities: [identity] }), 409, 'identities');
      expect(taken.type).toBe('urn:saler:problem:conflict');
      expect((await get<Page<Contact>>(`/contacts?q=${encodeURIComponent(`Second ${m}`)}`)).data).toEqual([]);
      const other = await newContact({ name: `Other ${m}` });
      await problem(await call('PATCH', `/contacts/${other.id}`, owner.accessToken, { identities: [identity] }), 409, 'identities');
      expect((await get<Contact>(`/contacts/${other.id}`)).identities).toEqual([]);
      expect((await get<Contact>(`/contacts/${first.id}`)).identities).toEqual([identity]);
      // The same platform user id on another channel is someone else.
      expect((await newContact({ name: `Third ${m}`, identities: [{ channel: 'telegram', platformUserId: `wa-${m}` }] })).identities).toHaveLength(1);
    });

    it('sends an ETag; PATCH with a stale If-Match gets 412, with the current one 200 and a new ETag; without If-Match 200', async () => {
      const contact = await newContact({ name: `Etag ${marker()}` });
      const read = await call('GET', `/contacts/${contact.id}`, owner.accessToken);
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"1"');
      const patch = (body: unknown, ifMatch?: string) => call('PATCH', `/contacts/${contact.id}`, owner.accessToken, body, ifMatch === undefined ? {} : { 'if-match': ifMatch });
      const updated = await patch({ name: 'Etag Renamed', phone: '+44 20 7946 0011' }, '"1"');
      expect(updated.status).toBe(200);
      expect(updated.headers.get('etag')).toBe('"2"');
      expect(await json<Contact>(updated)).toMatchObject({ name: 'Etag Renamed', phone: '+442079460011', version: 2 });
      const stale = await problem(await patch({ name: 'Stale write' }, '"1"'), 412);
      expect(stale.type).toBe('urn:saler:problem:stale');
      expect((await get<Contact>(`/contacts/${contact.id}`)).name).toBe('Etag Renamed');
      const blind = await patch({ locale: 'pt-BR' });
      expect(blind.status).toBe(200);
      expect(blind.headers.get('etag')).toBe('"3"');
      expect(await json<Contact>(blind)).toMatchObject({ name: 'Etag Renamed', locale: 'pt-BR', version: 3 });
      await problem(await patch({ name: 'x' }, 'not-an-etag'), 412);
      await problem(await patch({ email: 'broken' }, '"3"'), 400, 'email');
      await problem(await call('PATCH', `/contacts/${randomUUID()}`, owner.accessToken, { name: 'Nobody' }), 404);
    });

    it.each([
      ['PATCH', 'email'],
      ['PATCH', 'name'],
      ['PATCH', 'phone'],
      ['PATCH', 'identities'],
      ['POST', 'email'],
      ['POST', 'phone'],
    ])('%s /contacts with %s: null either clears the field (2xx, null) or is a 400 naming it, never a 500', async (method, field) => {
      const contact = await newContact({ name: `Nullable ${marker()}`, email: `nullable.${marker()}@x.example`, phone: '+44 20 7946 0021' });
      const response =
        method === 'PATCH' ? await call('PATCH', `/contacts/${contact.id}`, owner.accessToken, { [field]: null }) : await call('POST', '/contacts', owner.accessToken, { name: 'Nullable', [field]: null });
      const text = await response.text();
      expect({ method, field, status: response.status, serverError: response.status >= 500 }).toMatchObject({ method, field, serverError: false });
      if (response.status === 400) expect((JSON.parse(text) as Problem).errors?.map((error) => error.field)).toContain(field);
      else expect({ status: response.status, value: (JSON.parse(text) as Record<string, unknown>)[field] }).toEqual({ status: method === 'PATCH' ? 200 : 201, value: field === 'identities' ? [] : null });
    });

    it('searches with q (name, email, phone digits) and pages newest first with a cursor that cannot be tampered with', async () => {
      const m = marker();
      const created: Contact[] = [];
      for (let i = 0; i < 7; i += 1) created.push(await newContact({ name: `Pager ${m} ${i}`, email: `pager${i}.${m}@list.example`, phone: `+44 20 7946 01${10 + i}` }));
      const { ids, pages } = await walk<Contact>(`/contacts?q=${m}`, 3);
      expect(pages).toBe(3);
      expect(ids).toEqual(created.map((contact) => contact.id).reverse());
      const search = async (q: string) => (await get<Page<Contact>>(`/contacts?q=${encodeURIComponent(q)}`)).data.map((contact) => contact.id);
      expect(await search(`PAGER ${m} 3`)).toEqual([created[3].id]);
      expect(await search(`Pager3.${m}@List`)).toEqual([created[3].id]);
      expect(await search('7946 0114')).toEqual([created[4].id]);
      expect(await search('(20) 7946-0115')).toEqual([created[5].id]);
      expect(await search(`${m}%`)).toEqual([]);
      const first = await get<Page<Contact>>(`/contacts?q=${m}&limit=3`);
      const cursor = first.nextCursor as string;
      const tampered = `${cursor.slice(0, 2)}${cursor[2] === 'A' ? 'B' : 'A'}${cursor.slice(3)}`;
      await problem(await call('GET', `/contacts?q=${m}&limit=3&cursor=${encodeURIComponent(tampered)}`, owner.accessToken), 400, 'cursor');
      await problem(await call('GET', `/contacts?limit=3&cursor=garbage`, owner.accessToken), 400, 'cursor');
      await problem(await call('GET', `/contacts?limit=0`, owner.accessToken), 400, 'limit');
      await problem(await call('GET', `/contacts?limit=201`, owner.accessToken), 400, 'limit');
    });

    it('deletes a contact: 204, then 404 and gone from the list; a second DELETE is 404', async () => {
      const m = marker();
      const contact = await newContact({ name: `Doomed ${m}`, email: `doomed.${m}@x.example` });
      const deleted = await call('DELETE', `/contacts/${contact.id}`, owner.accessToken);
      expect(deleted.status).toBe(204);
      expect(await deleted.text()).toBe('');
      const gone = await problem(await call('GET', `/contacts/${contact.id}`, owner.accessToken), 404);
      expect(gone.type).toBe('urn:saler:problem:not-found');
      expect((await get<Page<Contact>>(`/contacts?q=${m}`)).data).toEqual([]);
      await problem(await call('DELETE', `/contacts/${contact.id}`, owner.accessToken), 404);
      await problem(await call('PATCH', `/contacts/${contact.id}`, owner.accessToken, { name: 'Back' }), 404);
      await problem(await call('GET', `/contacts/${contact.id}/duplicates`, owner.accessToken), 404);
      await problem(await call('DELETE', '/contacts/not-a-uuid', owner.accessToken), 400);
    });

    it('finds duplicates by email, by phone and by a WhatsApp id that is the phone number, with the reasons', async () => {
      const m = marker();
      const subject = await newContact({ name: `Dupe ${m}`, email: `dupe.${m}@x.example`, phone: '+44 20 7946 0201' });
      const byEmail = await newContact({ name: `Dupe Email ${m}`, email: `DUPE.${m}@X.example` });
      const byPhone = await newContact({ name: `Dupe Phone ${m}`, phone: '+44 (20) 7946-0201' });
      const byIdentity = await newContact({ name: `Dupe Wa ${m}`, identities: [{ channel: 'whatsapp', platformUserId: '442079460201' }] });
      await newContact({ name: `Unrelated ${m}`, email: `other.${m}@x.example`, phone: '+44 20 7946 0202' });
      const duplicates = await get<{ data: Duplicate[] }>(`/contacts/${subject.id}/duplicates`);
      expect(duplicates.data.map((row) => [row.contact.id, row.reasons])).toEqual([
        [byEmail.id, ['email']],
        [byPhone.id, ['phone']],
        [byIdentity.id, ['identity']],
      ]);
      expect(duplicates.data[1].contact).toMatchObject({ name: `Dupe Phone ${m}`, phone: '+442079460201' });
      const back = await get<{ data: Duplicate[] }>(`/contacts/${byPhone.id}/duplicates`);
      expect(back.data.map((row) => [row.contact.id, row.reasons])).toEqual([
        [subject.id, ['phone']],
        [byIdentity.id, ['identity']],
      ]);
    });

    it('merges a duplicate: leads and identities move, the target keeps its own email and takes the missing phone, the source is gone', async () => {
      const m = marker();
      const target = await newContact({ name: 'Target Person', email: `target.${m}@x.example`, attributes: { tier: 'gold' } });
      const source = await newContact({
        name: 'Source Person',
        email: `source.${m}@x.example`,
        phone: '+44 20 7946 0301',
        locale: 'pt',
        attributes: { tier: 'silver', city: 'Porto' },
        identities: [{ channel: 'telegram', platformUserId: `tg-src-${m}` }],
      });
      const lead = await newLead({ title: `Merge deal ${m}`, contact: undefined, contactId: source.id });
      const merged = await call('POST', `/contacts/${target.id}/merge`, manager.accessToken, { sourceId: source.id });
      expect(merged.status).toBe(200);
      const body = await json<Contact>(merged);
      expect(body).toMatchObject({
        id: target.id,
        name: 'Target Person',
        email: `target.${m}@x.example`,
        phone: '+442079460301',
        locale: 'pt',
        attributes: { tier: 'gold', city: 'Porto' },
        identities: [{ channel: 'telegram', platformUserId: `tg-src-${m}` }],
        version: 2,
      });
      expect(await get<Contact>(`/contacts/${target.id}`)).toEqual(body);
      await problem(await call('GET', `/contacts/${source.id}`, owner.accessToken), 404);
      expect((await get<Lead>(`/leads/${lead.id}`)).contact).toEqual({ id: target.id, name: 'Target Person', email: `target.${m}@x.example`, phone: '+442079460301' });
      expect((await get<Page<Lead>>(`/leads?q=${encodeURIComponent(`Merge deal ${m}`)}`)).data.map((row) => row.contact.id)).toEqual([target.id]);
      expect((await get<Page<Contact>>(`/contacts?q=${m}`)).data.map((row) => row.id)).toEqual([target.id]);
      // The identity now belongs to the target.
      await problem(await call('POST', '/contacts', owner.accessToken, { name: 'Claimer', identities: [{ channel: 'telegram', platformUserId: `tg-src-${m}` }] }), 409, 'identities');
      const audit = await get<Page<AuditEntry>>(`/audit-logs?action=contact.merged&entityId=${target.id}`);
      expect(audit.data).toHaveLength(1);
      expect(audit.data[0]).toMatchObject({ entityType: 'contact', actor: { type: 'user', id: manager.user.id }, before: { sourceId: source.id }, after: { movedLeadIds: [lead.id] } });
      // Merging the gone source again is a 404; merging a contact into itself a 400.
      await problem(await call('POST', `/contacts/${target.id}/merge`, owner.accessToken, { sourceId: source.id }), 404);
      await problem(await call('POST', `/contacts/${target.id}/merge`, owner.accessToken, { sourceId: target.id }), 400, 'sourceId');
      await problem(await call('POST', `/contacts/${target.id}/merge`, owner.accessToken, {}), 400, 'sourceId');
    });

    it("masks a contact's email and phone as *** for a viewer (name visible) on every read; a manager sees them", async () => {
      const m = marker();
      const contact = await newContact({ name: `Masked ${m}`, email: `masked.${m}@x.example`, phone: '+44 20 7946 0401' });
      await newContact({ name: `Masked Twin ${m}`, email: `masked.${m}@x.example` });
      const lead = await newLead({ title: `Masked deal ${m}`, contact: undefined, contactId: contact.id });
      const hidden = { name: `Masked ${m}`, email: MASK, phone: MASK };
      const clear = { name: `Masked ${m}`, email: `masked.${m}@x.example`, phone: '+442079460401' };
      for (const [token, expected] of [
        [viewer.accessToken, hidden],
        [manager.accessToken, clear],
      ] as const) {
        expect(await get<Contact>(`/contacts/${contact.id}`, token)).toMatchObject(expected);
        expect((await get<Page<Contact>>(`/contacts?q=${encodeURIComponent(`Masked ${m}`)}&limit=1`, token)).data[0]).toMatchObject({ id: contact.id, ...expected });
        expect((await get<Lead>(`/leads/${lead.id}`, token)).contact).toMatchObject(expected);
        expect((await get<Page<Lead>>(`/leads?q=${encodeURIComponent(`Masked deal ${m}`)}`, token)).data[0].contact).toMatchObject(expected);
      }
      const viewerKey = await post<{ key: string }>('/api-keys', { name: `viewer key ${m}`, role: 'viewer' });
      expect(await get<Contact>(`/contacts/${contact.id}`, viewerKey.key)).toMatchObject(hidden);
      expect((await get<Lead>(`/leads/${lead.id}`, viewerKey.key)).contact).toMatchObject(hidden);
      const twin = (await get<{ data: Duplicate[] }>(`/contacts/${contact.id}/duplicates`, viewer.accessToken)).data[0];
      expect(twin.contact).toMatchObject({ name: `Masked Twin ${m}`, email: MASK });
      expect(JSON.stringify(await get(`/contacts/${contact.id}`, viewer.accessToken))).not.toContain(`masked.${m}`);
      expect(JSON.stringify(await get(`/leads/${lead.id}`, viewer.accessToken))).not.toContain('2079460401');
    });
  });

  describe('pipelines', () => {
    const newPipeline = (stages: unknown[] = STAGES, name = `Pipe ${marker()}`) => post<Pipeline>('/pipelines', { name, stages }, manager.accessToken);
    const stageOf = (pipeline: Pipeline, name: string) => pipeline.stages.find((row) => row.name === name) as Stage;

    it('creates a pipeline with its stages in order; the default stays the default', async () => {
      const name = `Enterprise ${marker()}`;
      const response = await call('POST', '/pipelines', manager.accessToken, { name, stages: STAGES });
      expect(response.status).toBe(201);
      const pipeline = await json<Pipeline>(response);
      expect(pipeline).toMatchObject({ name, isDefault: false });
      expect(pipeline.stages.map((row) => [row.name, row.position, row.probability, row.kind])).toEqual(STAGES.map((row, i) => [row.name, i, row.probability, row.kind]));
      const list = await get<{ data: Pipeline[] }>('/pipelines', agent.accessToken);
      expect(list.data.find((row) => row.id === pipeline.id)).toEqual(pipeline);
      expect(list.data.filter((row) => row.isDefault).map((row) => row.id)).toEqual([sales.id]);
    });

    it.each([
      ['no open stage', { name: 'Closed', stages: [{ name: 'Won', probability: 100, kind: 'won' }, { name: 'Lost', probability: 0, kind: 'lost' }] }, 'stages'],
      ['no stages', { name: 'Empty', stages: [] }, 'stages'],
      ['an unknown kind', { name: 'Odd', stages: [{ name: 'Maybe', probability: 50, kind: 'pending' }] }, 'stages.0.kind'],
      ['a probability over 100', { name: 'Odd', stages: [{ name: 'Sure', probability: 101, kind: 'open' }] }, 'stages.0.probability'],
    ])('refuses a pipeline with %s (400)', async (_case, body, field) => {
      await problem(await call('POST', '/pipelines', manager.accessToken, body), 400, field);
    });

    it('adds a stage at a position (or at the end) and renames a stage', async () => {
      const pipeline = await newPipeline();
      const added = await call('POST', `/pipelines/${pipeline.id}/stages`, manager.accessToken, { name: 'Discovery', probability: 25, kind: 'open', position: 1 });
      expect(added.status).toBe(201);
      const withDiscovery = await json<Pipeline>(added);
      expect(withDiscovery.stages.map((row) => [row.name, row.position])).toEqual([
        ['Lead', 0],
        ['Discovery', 1],
        ['Demo', 2],
        ['Signed', 3],
        ['Dropped', 4],
      ]);
      const appended = await post<Pipeline>(`/pipelines/${pipeline.id}/stages`, { name: 'Archive', probability: 0, kind: 'lost' }, manager.accessToken);
      expect(appended.stages.map((row) => row.name)).toEqual(['Lead', 'Discovery', 'Demo', 'Signed', 'Dropped', 'Archive']);
      const demo = stageOf(appended, 'Demo');
      const renamed = await call('PATCH', `/pipelines/${pipeline.id}/stages/${demo.id}`, manager.accessToken, { name: 'Live demo', probability: 55 });
      expect(renamed.status).toBe(200);
      const after = await json<Pipeline>(renamed);
      expect(stageOf(after, 'Live demo')).toEqual({ ...demo, name: 'Live demo', probability: 55 });
      expect(after.stages.map((row) => row.name)).toEqual(['Lead', 'Discovery', 'Live demo', 'Signed', 'Dropped', 'Archive']);
      expect(await get<Pipeline>(`/pipelines/${pipeline.id}`)).toEqual(after);
      await problem(await call('PATCH', `/pipelines/${pipeline.id}/stages/${stage.New.id}`, manager.accessToken, { name: 'Elsewhere' }), 404);
    });

    it('reorders stages only when the order lists every stage exactly once', async () => {
      const pipeline = await newPipeline();
      const ids = pipeline.stages.map((row) => row.id);
      const reorder = (stageIds: string[]) => call('PUT', `/pipelines/${pipeline.id}/stages/order`, manager.accessToken, { stageIds });
      await problem(await reorder(ids.slice(1)), 400, 'stageIds');
      await problem(await reorder([ids[0], ids[0], ids[1], ids[2]]), 400, 'stageIds');
      await problem(await reorder([...ids.slice(1), randomUUID()]), 400, 'stageIds');
      await problem(await reorder([...ids, stage.New.id]), 400, 'stageIds');
      const response = await reorder([ids[1], ids[0], ids[3], ids[2]]);
      expect(response.status).toBe(200);
      const reordered = await json<Pipeline>(response);
      expect(reordered.stages.map((row) => [row.name, row.position])).toEqual([
        ['Demo', 0],
        ['Lead', 1],
        ['Dropped', 2],
        ['Signed', 3],
      ]);
      expect((await get<Pipeline>(`/pipelines/${pipeline.id}`)).stages.map((row) => row.id)).toEqual([ids[1], ids[0], ids[3], ids[2]]);
      // A new lead starts in the first stage by position: of its pipeline, or of the default one.
      expect((await newLead({ pipelineId: pipeline.id })).stageId).toBe(ids[1]);
      expect((await newLead({})).stageId).toBe([...sales.stages].sort((a, b) => a.position - b.position)[0].id);
    });

    it("changing a stage's kind changes the status of the leads in it; the last open stage cannot stop being open", async () => {
      const pipeline = await newPipeline();
      const lead = await newLead({ pipelineId: pipeline.id, stageId: stageOf(pipeline, 'Demo').id });
      expect(lead).toMatchObject({ pipelineId: pipeline.id, stageId: stageOf(pipeline, 'Demo').id, status: 'open' });
      const changed = await call('PATCH', `/pipelines/${pipeline.id}/stages/${stageOf(pipeline, 'Demo').id}`, manager.accessToken, { kind: 'won' });
      expect(changed.status).toBe(200);
      expect(stageOf(await json<Pipeline>(changed), 'Demo').kind).toBe('won');
      expect(await get<Lead>(`/leads/${lead.id}`)).toMatchObject({ stageId: stageOf(pipeline, 'Demo').id, status: 'won' });
      expect((await get<Page<Lead>>(`/leads?stageId=${stageOf(pipeline, 'Demo').id}&status=won`)).data.map((row) => row.id)).toEqual([lead.id]);
      await problem(await call('PATCH', `/pipelines/${pipeline.id}/stages/${stageOf(pipeline, 'Lead').id}`, manager.accessToken, { kind: 'lost' }), 400, 'kind');
      expect(stageOf(await get<Pipeline>(`/pipelines/${pipeline.id}`), 'Lead').kind).toBe('open');
    });

    it('keeps a lost reason only on lost leads: a lost stage turned open, or deleted with its leads moved to an open stage, clears it', async () => {
      const turned = await newPipeline();
      const lead = await newLead({ pipelineId: turned.id });
      expect(await post<Lead>(`/leads/${lead.id}/lost`, { reason: 'No budget' })).toMatchObject({ stageId: stageOf(turned, 'Dropped').id, status: 'lost', lostReason: 'No budget' });
      expect((await call('PATCH', `/pipelines/${turned.id}/stages/${stageOf(turned, 'Dropped').id}`, manager.accessToken, { kind: 'open' })).status).toBe(200);
      expect(await get<Lead>(`/leads/${lead.id}`)).toMatchObject({ status: 'open', lostReason: null });

      const emptied = await newPipeline();
      const moved = await newLead({ pipelineId: emptied.id });
      await post(`/leads/${moved.id}/lost`, { reason: 'Went quiet' });
      expect((await call('DELETE', `/pipelines/${emptied.id}/stages/${stageOf(emptied, 'Dropped').id}?moveTo=${stageOf(emptied, 'Demo').id}`, manager.accessToken)).status).toBe(200);
      expect(await get<Lead>(`/leads/${moved.id}`)).toMatchObject({ stageId: stageOf(emptied, 'Demo').id, status: 'open', lostReason: null });
    });

    it('answers 409 to /won in a pipeline without a won stage', async () => {
      const pipeline = await newPipeline([STAGES[0], STAGES[3]]);
      const lead = await newLead({ pipelineId: pipeline.id });
      const refused = await problem(await call('POST', `/leads/${lead.id}/won`, owner.accessToken), 409);
      expect(refused.type).toBe('urn:saler:problem:no-such-stage');
      expect(await get<Lead>(`/leads/${lead.id}`)).toMatchObject({ status: 'open', version: 1 });
    });

    it('deletes a stage holding leads only with moveTo (409 without), moving its leads; never the last open stage', async () => {
      const pipeline = await newPipeline();
      const [leadStage, demo] = [stageOf(pipeline, 'Lead'), stageOf(pipeline, 'Demo')];
      const leads = [await newLead({ pipelineId: pipeline.id }), await newLead({ pipelineId: pipeline.id })];
      expect(leads.map((lead) => lead.stageId)).toEqual([leadStage.id, leadStage.id]);
      const refused = await problem(await call('DELETE', `/pipelines/${pipeline.id}/stages/${leadStage.id}`, manager.accessToken), 409);
      expect(refused.type).toMatch(/stage-has-leads$/);
      expect((await get<Pipeline>(`/pipelines/${pipeline.id}`)).stages).toHaveLength(4);
      await problem(await call('DELETE', `/pipelines/${pipeline.id}/stages/${leadStage.id}?moveTo=${stage.Contacted.id}`, manager.accessToken), 400, 'moveTo');
      await problem(await call('DELETE', `/pipelines/${pipeline.id}/stages/${leadStage.id}?moveTo=${leadStage.id}`, manager.accessToken), 400, 'moveTo');
      const moved = await call('DELETE', `/pipelines/${pipeline.id}/stages/${leadStage.id}?moveTo=${demo.id}`, manager.accessToken);
      expect(moved.status).toBe(200);
      expect((await json<Pipeline>(moved)).stages.map((row) => [row.name, row.position])).toEqual([
        ['Demo', 0],
        ['Signed', 1],
        ['Dropped', 2],
      ]);
      for (const lead of leads) expect(await get<Lead>(`/leads/${lead.id}`)).toMatchObject({ pipelineId: pipeline.id, stageId: demo.id, status: 'open' });
      expect((await get<Page<Lead>>(`/leads?stageId=${demo.id}`)).data.map((row) => row.id).sort()).toEqual(leads.map((lead) => lead.id).sort());
      // Demo is now the only open stage.
      const last = await problem(await call('DELETE', `/pipelines/${pipeline.id}/stages/${demo.id}?moveTo=${stageOf(pipeline, 'Signed').id}`, manager.accessToken), 409);
      expect(last.type).toMatch(/last-open-stage$/);
      // An empty stage goes without moveTo.
      expect((await call('DELETE', `/pipelines/${pipeline.id}/stages/${stageOf(pipeline, 'Dropped').id}`, manager.accessToken)).status).toBe(200);
      expect((await get<Pipeline>(`/pipelines/${pipeline.id}`)).stages.map((row) => row.name)).toEqual(['Demo', 'Signed']);
    });
  });

  describe('leads', () => {
    it('creates a lead with an inline contact; a known email reuses that contact instead of duplicating it', async () => {
      const m = marker();
      const response = await call('POST', '/leads', owner.accessToken, {
        title: `  Inline ${m}  `,
        contact: { name: 'Ina Line', email: `Ina.${m}@Lead.example` },
        valueMinor: 129900,
        currency: 'EUR',
        tags: ['Fleet', ' q4 ', 'fleet'],
        expectedCloseDate: '2026-12-31',
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      const lead = await json<Lead>(response);
      expect(lead).toMatchObject({
        title: `Inline ${m}`,
        contact: { name: 'Ina Line', email: `ina.${m}@lead.example`, phone: null },
        valueMinor: 129900,
        currency: 'EUR',
        source: 'manual',
        pipelineId: sales.id,
        stageId: stage.New.id,
        status: 'open',
        lostReason: null,
        assigneeId: null,
        tags: ['fleet', 'q4'],
        expectedCloseDate: '2026-12-31',
        version: 1,
      });
      const again = await newLead({ title: `Inline again ${m}`, contact: { name: 'Someone Else', email: `ina.${m}@lead.example` } });
      expect(again.contact).toEqual(lead.contact);
      expect((await get<Page<Contact>>(`/contacts?q=${m}`)).data.map((contact) => contact.id)).toEqual([lead.contact.id]);
      const phoned = await newLead({ title: `Phoned ${m}`, contact: { name: `Phone First ${m}`, phone: '+44 20 7946 0501' } });
      expect((await newLead({ title: `Phoned again ${m}`, contact: { name: 'Anyone', phone: '+44 (20) 7946-0501' } })).contact.id).toBe(phoned.contact.id);
      const byId = await newLead({ title: `By id ${m}`, contact: undefined, contactId: lead.contact.id });
      expect(byId.contact.id).toBe(lead.contact.id);
      expect(await get<Lead>(`/leads/${lead.id}`)).toEqual(settled(lead));
    });

    it.each([
      ['neither contactId nor contact', { title: 'x' }, 'contactId', 400],
      ['both contactId and contact', { title: 'x', contact: { name: 'X' }, contactId: randomUUID() }, 'contactId', 400],
      ['an unknown stageId', { title: 'x', contact: { name: 'X' }, stageId: randomUUID() }, 'stageId', 400],
      ['an unknown pipelineId', { title: 'x', contact: { name: 'X' }, pipelineId: randomUUID() }, 'pipelineId', 400],
      ['a lower-case currency', { title: 'x', contact: { name: 'X' }, currency: 'eur' }, 'currency', 400],
      ['a negative value', { title: 'x', contact: { name: 'X' }, valueMinor: -1 }, 'valueMinor', 400],
      ['a fractional value', { title: 'x', contact: { name: 'X' }, valueMinor: 10.5 }, 'valueMinor', 400],
      ['no title', { contact: { name: 'X' } }, 'title', 400],
      ['an inline contact with a bad email', { title: 'x', contact: { email: 'nope' } }, 'contact.email', 400],
      ['an assignee who is not a member', { title: 'x', contact: { name: 'X' }, assigneeId: randomUUID() }, 'assigneeId', 422],
    ])('refuses a lead with %s', async (_case, body, field, status) => {
      const m = marker();
      const refused = await problem(await call('POST', '/leads', owner.accessToken, { ...body, ...('title' in body ? { title: `Refused ${m}` } : {}) }), status, field);
      if (status === 422) expect(refused.type).toBe('urn:saler:problem:not-a-member');
      expect((await get<Page<Lead>>(`/leads?q=${m}`)).data).toEqual([]);
    });

    it.each([['title'], ['valueMinor'], ['currency'], ['tags'], ['contactId']])('PATCH /leads with %s: null is a 400 naming the field, never a 500', async (field) => {
      const lead = await newLead({});
      await problem(await call('PATCH', `/leads/${lead.id}`, owner.accessToken, { [field]: null }), 400, field);
      expect(await get<Lead>(`/leads/${lead.id}`)).toMatchObject({ version: 1, title: lead.title });
    });

    it('accepts assigneeId: null on create (documented nullable: unassigned), and refuses contact: null with a 400', async () => {
      const m = marker();
      const created = await call('POST', '/leads', owner.accessToken, { title: `Null assignee ${m}`, contact: { name: `Null ${m}` }, assigneeId: null });
      expect({ status: created.status }).toEqual({ status: 201 });
      expect(await json<Lead>(created)).toMatchObject({ assigneeId: null });
      await problem(await call('POST', '/leads', owner.accessToken, { title: `Null contact ${m}`, contact: null }), 400);
    });

    it('refuses a title or a lost reason that is only white space (400), rather than storing an empty string', async () => {
      await problem(await call('POST', '/leads', owner.accessToken, { title: '   ', contact: { name: 'Blank Title' } }), 400, 'title');
      const lead = await newLead({});
      await problem(await call('PATCH', `/leads/${lead.id}`, owner.accessToken, { title: '  ' }), 400, 'title');
      await problem(await call('POST', `/leads/${lead.id}/lost`, owner.accessToken, { reason: '   ' }), 400, 'reason');
      expect(await get<Lead>(`/leads/${lead.id}`)).toMatchObject({ title: lead.title, status: 'open', lostReason: null });
    });

    it("refuses a stageId of another pipeline than the pipelineId given, and a contactId that is not a live contact", async () => {
      const other = await post<Pipeline>('/pipelines', { name: `Other ${marker()}`, stages: STAGES }, manager.accessToken);
      await problem(await call('POST', '/leads', owner.accessToken, { title: 'x', contact: { name: 'X' }, pipelineId: sales.id, stageId: other.stages[0].id }), 400, 'stageId');
      const contact = await newContact({ name: `Gone ${marker()}` });
      expect((await call('DELETE', `/contacts/${contact.id}`, owner.accessToken)).status).toBe(204);
      await problem(await call('POST', '/leads', owner.accessToken, { title: 'x', contactId: contact.id }), 404);
    });

    describe('list filters', () => {
      const m = marker();
      let f1: Lead;
      let f2: Lead;
      let f3: Lead;
      let f4: Lead;
      const ids = async (query: string, token = owner.accessToken) => (await get<Page<Lead>>(`/leads?q=${m}&${query}`, token)).data.map((lead) => lead.id);

      beforeAll(async () => {
        f1 = await newLead({ title: `${m} alpha`, contact: { name: `Fil One ${m}`, email: `f1.${m}@x.example`, phone: '+44 20 7946 0601' }, tags: ['VIP', 'Fleet'], source: 'web', assigneeId: agent.user.id, valueMinor: 5000 });
        await pause(5);
        f2 = await newLead({ title: `${m} beta`, contact: { name: `Fil Two ${m}` }, tags: ['fleet'], stageId: stage.Qualified.id, valueMinor: 100 });
        await pause(5);
        f3 = await newLead({ title: `${m} gamma`, contact: { name: `Fil Three ${m}`, email: `f3.${m}@x.example` }, source: 'telegram', assigneeId: manager.user.id, valueMinor: 9000 });
        await post(`/leads/${f3.id}/won`, undefined);
        await pause(5);
        f4 = await newLead({ title: `${m} delta`, contact: { name: `Fil Four ${m}` }, assigneeId: agent.user.id });
        await post(`/leads/${f4.id}/lost`, { reason: 'No budget' });
      });

      it('by stage, status and assignee (me, none, a member id)', async () => {
        expect(await ids('')).toEqual([f4.id, f3.id, f2.id, f1.id]);
        expect(await ids(`stageId=${stage.Qualified.id}`)).toEqual([f2.id]);
        expect(await ids(`stageId=${stage.Won.id}`)).toEqual([f3.id]);
        expect(await ids('status=won')).toEqual([f3.id]);
        expect(await ids('status=lost')).toEqual([f4.id]);
        expect(await ids('status=open')).toEqual([f2.id, f1.id]);
        expect(await ids('assigneeId=me', agent.accessToken)).toEqual([f4.id, f1.id]);
        expect(await ids('assigneeId=me', manager.accessToken)).toEqual([f3.id]);
        expect(await ids('assigneeId=me')).toEqual([]);
        expect(await ids('assigneeId=none')).toEqual([f2.id]);
        expect(await ids(`assigneeId=${agent.user.id}`)).toEqual([f4.id, f1.id]);
        expect(await ids(`assigneeId=${agent.user.id.toUpperCase()}`)).toEqual([f4.id, f1.id]);
        expect(await ids(`assigneeId=${agent.user.id}&status=open`)).toEqual([f1.id]);
        await problem(await call('GET', '/leads?assigneeId=somebody', owner.accessToken), 400, 'assigneeId');
        await problem(await call('GET', '/leads?status=pending', owner.accessToken), 400, 'status');
        await problem(await call('GET', '/leads?stageId=nope', owner.accessToken), 400, 'stageId');
      });

      it('by tag (case-insensitive), source, creation time and q (title, contact name, contact email)', async () => {
        expect(await ids('tag=FLEET')).toEqual([f2.id, f1.id]);
        expect(await ids('tag=vip')).toEqual([f1.id]);
        expect(await ids('tag=none-such')).toEqual([]);
        expect(await ids('source=web')).toEqual([f1.id]);
        expect(await ids('source=telegram')).toEqual([f3.id]);
        expect(await ids('source=manual')).toEqual([f4.id, f2.id]);
        expect(await ids(`createdFrom=${f2.createdAt}&createdTo=${f3.createdAt}`)).toEqual([f2.id]);
        expect(await ids(`createdFrom=${f3.createdAt}`)).toEqual([f4.id, f3.id]);
        expect(await ids(`createdTo=${f2.createdAt}`)).toEqual([f1.id]);
        const search = async (q: string) => (await get<Page<Lead>>(`/leads?q=${encodeURIComponent(q)}`)).data.map((lead) => lead.id);
        expect(await search(`${m} GAMMA`)).toEqual([f3.id]);
        expect(await search(`fil two ${m}`)).toEqual([f2.id]);
        expect(await search(`F1.${m}@X`)).toEqual([f1.id]);
        await problem(await call('GET', '/leads?createdFrom=yesterday', owner.accessToken), 400, 'createdFrom');
        await problem(await call('GET', '/leads?source=fax', owner.accessToken), 400, 'source');
        // Tags replaced by PATCH are what the filter sees.
        const retagged = await newLead({ title: `${m} epsilon`, tags: ['old'] });
        expect((await call('PATCH', `/leads/${retagged.id}`, owner.accessToken, { tags: ['New', 'fleet'] })).status).toBe(200);
        expect(await ids('tag=old')).toEqual([]);
        expect(await ids('tag=new')).toEqual([retagged.id]);
        expect(await ids('tag=fleet')).toEqual([retagged.id, f2.id, f1.id]);
        expect((await call('PATCH', `/leads/${retagged.id}`, owner.accessToken, { tags: [] })).status).toBe(200);
        expect(await ids('tag=fleet')).toEqual([f2.id, f1.id]);
      });

      it('by minimum score, once the scoring job has scored the leads', async () => {
        // Scores come from the background scoring job; wait until every lead with an email or an open stage has one.
        const all = await eventually(
          () => get<Page<Lead>>(`/leads?q=${m}`),
          (page) => page.data.filter((lead) => lead.id !== f4.id).every((lead) => lead.score > 0),
        );
        const scores = new Map(all.data.map((lead) => [lead.id, lead.score]));
        const threshold = Math.min(...[f1, f2, f3].map((lead) => scores.get(lead.id) as number).filter((score) => score > (scores.get(f4.id) as number)));
        const expected = all.data.filter((lead) => lead.score >= threshold).map((lead) => lead.id);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(all.data.length);
        expect(await ids(`minScore=${threshold}`)).toEqual(expected);
        expect(await ids('minScore=0')).toEqual(all.data.map((lead) => lead.id));
        await problem(await call('GET', '/leads?minScore=101', owner.accessToken), 400, 'minScore');
      });
    });

    describe('sorts and cursor pages', () => {
      const m = marker();
      const values = [500, 100, 500, 0, 900, 100, 300];
      let created: Lead[] = [];

      beforeAll(async () => {
        created = [];
        for (const [i, valueMinor] of values.entries()) {
          created.push(await newLead({ title: `Sorted ${m} ${i}`, contact: i % 2 === 0 ? { name: `Sort ${m} ${i}`, email: `sort${i}.${m}@x.example` } : { name: `Sort ${m} ${i}` }, valueMinor }));
        }
        // Let the scoring job settle first, so no score moves while the pages are walked.
        await eventually(
          () => get<Page<Lead>>(`/leads?q=${m}&limit=200`),
          (page) => page.data.length === values.length && page.data.every((lead) => lead.score > 0),
        );
      });

      const keyOf: Record<string, (lead: Lead) => string | number> = {
        createdAt: (lead) => lead.createdAt,
        '-createdAt': (lead) => lead.createdAt,
        score: (lead) => lead.score,
        '-value': (lead) => lead.valueMinor,
      };

      it.each(Object.keys(keyOf))('sort=%s: the pages of 3 hold every lead once, in the order of one big page', async (sort) => {
        const { ids, pages, rows } = await walk<Lead>(`/leads?q=${m}&sort=${sort}`, 3);
        expect(pages).toBe(3);
        expect([...ids].sort()).toEqual(created.map((lead) => lead.id).sort());
        expect(ids).toEqual((await get<Page<Lead>>(`/leads?q=${m}&sort=${sort}&limit=200`)).data.map((lead) => lead.id));
        // Ordered by the key, then by id, both in the sort's direction.
        const descending = sort.startsWith('-');
        for (let i = 1; i < rows.length; i += 1) {
          const [a, b] = [rows[i - 1], rows[i]];
          const [ka, kb] = [keyOf[sort](a), keyOf[sort](b)];
          const inOrder = ka === kb ? (descending ? a.id > b.id : a.id < b.id) : descending ? ka > kb : ka < kb;
          expect({ sort, pair: [a.id, b.id], inOrder }).toEqual({ sort, pair: [a.id, b.id], inOrder: true });
        }
        if (sort === '-value') expect(rows.map((lead) => lead.valueMinor)).toEqual([...values].sort((x, y) => y - x));
        if (sort === 'createdAt') expect(ids).toEqual(created.map((lead) => lead.id));
      });

      it('refuses a cursor of one sort used with another (400), and an unknown sort', async () => {
        const page = await get<Page<Lead>>(`/leads?q=${m}&sort=score&limit=3`);
        expect(page.nextCursor).not.toBeNull();
        await problem(await call('GET', `/leads?q=${m}&sort=-value&limit=3&cursor=${encodeURIComponent(page.nextCursor as string)}`, owner.accessToken), 400, 'cursor');
        await problem(await call('GET', `/leads?q=${m}&limit=3&cursor=${encodeURIComponent(page.nextCursor as string)}`, owner.accessToken), 400, 'cursor');
        const created = await get<Page<Lead>>(`/leads?q=${m}&sort=createdAt&limit=3`);
        await problem(await call('GET', `/leads?q=${m}&sort=-createdAt&limit=3&cursor=${encodeURIComponent(created.nextCursor as string)}`, owner.accessToken), 400, 'cursor');
        await problem(await call('GET', '/leads?sort=title', owner.accessToken), 400, 'sort');
      });
    });

    it('moves a lead to a stage and records a stage_change activity and a lead.stage_changed audit entry', async () => {
      const lead = await newLead({});
      const moved = await call('POST', `/leads/${lead.id}/stage`, owner.accessToken, { stageId: stage.Contacted.id });
      expect(moved.status).toBe(200);
      expect(await json<Lead>(moved)).toMatchObject({ id: lead.id, stageId: stage.Contacted.id, status: 'open', version: 2 });
      const timeline = await get<Page<Activity>>(`/leads/${lead.id}/activities`);
      expect(timeline.data.map((activity) => activity.type)).toEqual(['stage_change', 'lead_created']);
      expect(timeline.data[0]).toMatchObject({
        leadId: lead.id,
        contactId: lead.contact.id,
        data: { fromStageId: stage.New.id, toStageId: stage.Contacted.id, toStageName: 'Contacted' },
        actor: { type: 'user', id: owner.user.id },
      });
      const audit = await get<Page<AuditEntry>>(`/audit-logs?action=lead.stage_changed&entityId=${lead.id}`);
      expect(audit.data).toHaveLength(1);
      expect(audit.data[0]).toMatchObject({
        action: 'lead.stage_changed',
        entityType: 'lead',
        entityId: lead.id,
        actor: { type: 'user', id: owner.user.id },
        before: { stageId: stage.New.id, status: 'open' },
        after: { stageId: stage.Contacted.id, status: 'open' },
      });
      // A stage of another pipeline moves the lead to that pipeline.
      const other = await post<Pipeline>('/pipelines', { name: `Elsewhere ${marker()}`, stages: STAGES }, manager.accessToken);
      expect(await post<Lead>(`/leads/${lead.id}/stage`, { stageId: other.stages[1].id })).toMatchObject({ pipelineId: other.id, stageId: other.stages[1].id, status: 'open' });
      await problem(await call('POST', `/leads/${lead.id}/stage`, owner.accessToken, { stageId: randomUUID() }), 400, 'stageId');
      await problem(await call('POST', `/leads/${lead.id}/stage`, owner.accessToken, {}), 400, 'stageId');
      await problem(await call('POST', `/leads/${randomUUID()}/stage`, owner.accessToken, { stageId: stage.Contacted.id }), 404);
    });

    it('wins and loses leads (a lost reason is required, and only /lost reaches a lost stage)', async () => {
      const winner = await newLead({});
      const won = await call('POST', `/leads/${winner.id}/won`, owner.accessToken);
      expect(won.status).toBe(200);
      expect(await json<Lead>(won)).toMatchObject({ stageId: stage.Won.id, status: 'won', lostReason: null });
      expect((await get<Page<Activity>>(`/leads/${winner.id}/activities`)).data[0]).toMatchObject({ type: 'won', data: { toStageId: stage.Won.id } });

      const loser = await newLead({});
      await problem(await call('POST', `/leads/${loser.id}/lost`, owner.accessToken, {}), 400, 'reason');
      await problem(await call('POST', `/leads/${loser.id}/lost`, owner.accessToken, { reason: '' }), 400, 'reason');
      await problem(await call('POST', `/leads/${loser.id}/stage`, owner.accessToken, { stageId: stage.Lost.id }), 400, 'stageId');
      expect(await get<Lead>(`/leads/${loser.id}`)).toMatchObject({ stageId: stage.New.id, status: 'open', version: 1 });
      const lost = await call('POST', `/leads/${loser.id}/lost`, owner.accessToken, { reason: 'Chose a competitor' });
      expect(lost.status).toBe(200);
      expect(await json<Lead>(lost)).toMatchObject({ stageId: stage.Lost.id, status: 'lost', lostReason: 'Chose a competitor' });
      expect((await get<Page<Activity>>(`/leads/${loser.id}/activities`)).data[0]).toMatchObject({ type: 'lost', data: { reason: 'Chose a competitor' } });
      // Reopened, it forgets the reason.
      expect(await post<Lead>(`/leads/${loser.id}/stage`, { stageId: stage.Qualified.id })).toMatchObject({ status: 'open', lostReason: null });
      const audit = await get<Page<AuditEntry>>(`/audit-logs?entityId=${loser.id}&limit=100`);
      expect(audit.data.map((entry) => entry.action)).toEqual(expect.arrayContaining(['lead.created', 'lead.lost', 'lead.stage_changed']));
    });

    it('lets a manager assign a lead to an agent and unassign it; the assignee must be a member', async () => {
      const lead = await newLead({});
      const assigned = await call('POST', `/leads/${lead.id}/assign`, manager.accessToken, { assigneeId: agent.user.id });
      expect(assigned.status).toBe(200);
      expect(await json<Lead>(assigned)).toMatchObject({ assigneeId: agent.user.id, version: 2 });
      expect((await get<Page<Activity>>(`/leads/${lead.id}/activities`)).data[0]).toMatchObject({ type: 'assignment', data: { fromAssigneeId: null, toAssigneeId: agent.user.id }, actor: { id: manager.user.id } });
      const refused = await problem(await call('POST', `/leads/${lead.id}/assign`, manager.accessToken, { assigneeId: randomUUID() }), 422, 'assigneeId');
      expect(refused.type).toBe('urn:saler:problem:not-a-member');
      await problem(await call('POST', `/leads/${lead.id}/assign`, manager.accessToken, {}), 400, 'assigneeId');
      expect(await post<Lead>(`/leads/${lead.id}/assign`, { assigneeId: null }, manager.accessToken)).toMatchObject({ assigneeId: null });
      expect((await get<Page<Activity>>(`/leads/${lead.id}/activities`)).data.map((activity) => activity.type)).toEqual(['assignment', 'assignment', 'lead_created']);
    });

    describe('agent ownership', () => {
      it('successful-agent claims an unassigned lead, then changes it as their own', async () => {
        const lead = await newLead({});
        expect(await post<Lead>(`/leads/${lead.id}/assign`, { assigneeId: agent.user.id }, agent.accessToken)).toMatchObject({ assigneeId: agent.user.id });
        const patched = await call('PATCH', `/leads/${lead.id}`, agent.accessToken, { title: 'Claimed and renamed', valueMinor: 7500 });
        expect(patched.status).toBe(200);
        expect(await json<Lead>(patched)).toMatchObject({ title: 'Claimed and renamed', valueMinor: 7500, assigneeId: agent.user.id });
        expect(await post<Lead>(`/leads/${lead.id}/stage`, { stageId: stage.Proposal.id }, agent.accessToken)).toMatchObject({ stageId: stage.Proposal.id });
        expect(await post<Lead>(`/leads/${lead.id}/won`, undefined, agent.accessToken)).toMatchObject({ status: 'won' });
        // Letting go of their own lead is theirs to do too.
        expect(await post<Lead>(`/leads/${lead.id}/assign`, { assigneeId: null }, agent.accessToken)).toMatchObject({ assigneeId: null });
      });

      it('successful-agent changes an unassigned lead without claiming it, and loses their own lead', async () => {
        const unassigned = await newLead({});
        const patched = await call('PATCH', `/leads/${unassigned.id}`, agent.accessToken, { tags: ['Hot'] });
        expect(patched.status).toBe(200);
        expect(await json<Lead>(patched)).toMatchObject({ tags: ['hot'], assigneeId: null });
        const own = await newLead({ assigneeId: agent.user.id });
        expect(await post<Lead>(`/leads/${own.id}/lost`, { reason: 'Went quiet' }, agent.accessToken)).toMatchObject({ status: 'lost', lostReason: 'Went quiet' });
      });

      it("failing-agent gets 403 on a lead assigned to someone else (PATCH, /stage, /won, /lost, /assign) and it stays as it was", async () => {
        const lead = await newLead({});
        await post(`/leads/${lead.id}/assign`, { assigneeId: otherAgent.user.id }, manager.accessToken);
        const before = await get<Lead>(`/leads/${lead.id}`);
        const attempts: [string, string, unknown][] = [
          ['PATCH', `/leads/${lead.id}`, { title: 'Stolen' }],
          ['POST', `/leads/${lead.id}/stage`, { stageId: stage.Qualified.id }],
          ['POST', `/leads/${lead.id}/won`, undefined],
          ['POST', `/leads/${lead.id}/lost`, { reason: 'Mine now' }],
          ['POST', `/leads/${lead.id}/assign`, { assigneeId: agent.user.id }],
          ['POST', `/leads/${lead.id}/assign`, { assigneeId: null }],
        ];
        for (const [method, path, body] of attempts) {
          const refused = await problem(await call(method, path, agent.accessToken, body), 403);
          expect(refused.type).toBe('urn:saler:problem:forbidden');
        }
        expect(await get<Lead>(`/leads/${lead.id}`)).toEqual(settled(before));
        // Reading it and noting on it stay open to the agent.
        expect((await get<Lead>(`/leads/${lead.id}`, agent.accessToken)).assigneeId).toBe(otherAgent.user.id);
        expect((await call('POST', `/leads/${lead.id}/activities`, agent.accessToken, { type: 'note', text: 'FYI' })).status).toBe(201);
        // The other agent may change it.
        expect((await call('PATCH', `/leads/${lead.id}`, otherAgent.accessToken, { title: 'Theirs' })).status).toBe(200);
      });

      it('failing-agent cannot assign a lead (unassigned or their own) to another member', async () => {
        const unassigned = await newLead({});
        const own = await newLead({ assigneeId: agent.user.id });
        for (const lead of [unassigned, own]) {
          await problem(await call('POST', `/leads/${lead.id}/assign`, agent.accessToken, { assigneeId: otherAgent.user.id }), 403);
          expect((await get<Lead>(`/leads/${lead.id}`)).assigneeId).toBe(lead.assigneeId);
        }
      });
    });

    it('refuses every write to a viewer (403) and changes nothing', async () => {
      const lead = await newLead({});
      const contact = await newContact({ name: `Viewer target ${marker()}` });
      const before = { lead: await get<Lead>(`/leads/${lead.id}`), contact: await get<Contact>(`/contacts/${contact.id}`) };
      const writes: [string, string, unknown][] = [
        ['POST', '/leads', { title: 'x', contactId: contact.id }],
        ['PATCH', `/leads/${lead.id}`, { title: 'x' }],
        ['POST', `/leads/${lead.id}/stage`, { stageId: stage.Contacted.id }],
        ['POST', `/leads/${lead.id}/assign`, { assigneeId: viewer.user.id }],
        ['POST', `/leads/${lead.id}/won`, undefined],
        ['POST', `/leads/${lead.id}/lost`, { reason: 'x' }],
        ['POST', `/leads/${lead.id}/activities`, { type: 'note', text: 'x' }],
        ['POST', '/contacts', { name: 'x' }],
        ['PATCH', `/contacts/${contact.id}`, { name: 'x' }],
        ['DELETE', `/contacts/${contact.id}`, undefined],
        ['POST', `/contacts/${contact.id}/merge`, { sourceId: lead.contact.id }],
        ['POST', '/pipelines', { name: 'x', stages: STAGES }],
        ['PATCH', `/pipelines/${sales.id}`, { name: 'x' }],
        ['POST', `/pipelines/${sales.id}/stages`, { name: 'x', probability: 1, kind: 'open' }],
        ['PUT', `/pipelines/${sales.id}/stages/order`, { stageIds: sales.stages.map((row) => row.id) }],
        ['PATCH', `/pipelines/${sales.id}/stages/${stage.New.id}`, { name: 'x' }],
        ['DELETE', `/pipelines/${sales.id}/stages/${stage.Contacted.id}`, undefined],
      ];
      for (const [method, path, body] of writes) {
        const response = await call(method, path, viewer.accessToken, body);
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
      }
      expect({ lead: await get<Lead>(`/leads/${lead.id}`), contact: await get<Contact>(`/contacts/${contact.id}`) }).toEqual({ ...before, lead: settled(before.lead) });
      expect((await get<Pipeline>(`/pipelines/${sales.id}`)).stages).toEqual(sales.stages);
    });
  });

  describe('activities', () => {
    it('logs a note (text required) and a call (direction, duration and outcome required)', async () => {
      const lead = await newLead({});
      const note = await call('POST', `/leads/${lead.id}/activities`, agent.accessToken, { type: 'note', text: 'Called, **very** interested' });
      expect(note.status).toBe(201);
      expect(await json<Activity>(note)).toMatchObject({ type: 'note', data: { text: 'Called, **very** interested' }, leadId: lead.id, contactId: lead.contact.id, actor: { type: 'user', id: agent.user.id } });
      await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'note' }), 400, 'text');
      await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'note', text: '' }), 400, 'text');
      const callLogged = await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'call', direction: 'outbound', durationSeconds: 125, outcome: 'connected' });
      expect(callLogged.status).toBe(201);
      expect(await json<Activity>(callLogged)).toMatchObject({ type: 'call', data: { direction: 'outbound', durationSeconds: 125, outcome: 'connected' } });
      const missing = await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'call' }), 400);
      expect((missing.errors ?? []).map((error) => error.field)).toEqual(expect.arrayContaining(['direction', 'durationSeconds', 'outcome']));
      await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'call', direction: 'sideways', durationSeconds: 5, outcome: 'connected' }), 400, 'direction');
      await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'call', direction: 'inbound', durationSeconds: -5, outcome: 'connected' }), 400, 'durationSeconds');
      await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'call', direction: 'inbound', durationSeconds: 5, outcome: 'great' }), 400, 'outcome');
      await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'email', text: 'x' }), 400, 'type');
      await problem(await call('POST', `/leads/${randomUUID()}/activities`, owner.accessToken, { type: 'note', text: 'x' }), 404);
      expect((await get<Page<Activity>>(`/leads/${lead.id}/activities`)).data.map((activity) => activity.type)).toEqual(['call', 'note', 'lead_created']);
    });

    it('lists a timeline newest first in cursor pages; occurredAt may be in the past, not in the future', async () => {
      const lead = await newLead({});
      const notes: Activity[] = [];
      for (let i = 1; i <= 4; i += 1) notes.push(await post<Activity>(`/leads/${lead.id}/activities`, { type: 'note', text: `Note ${i}` }));
      const { rows, pages } = await walk<Activity>(`/leads/${lead.id}/activities`, 2);
      expect(pages).toBe(3);
      expect(rows.map((activity) => activity.type === 'note' ? activity.data.text : activity.type)).toEqual(['Note 4', 'Note 3', 'Note 2', 'Note 1', 'lead_created']);
      expect(rows.slice(0, 4).map((activity) => activity.id)).toEqual(notes.map((note) => note.id).reverse());
      const future = new Date(Date.now() + 86_400_000).toISOString();
      await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'note', text: 'From the future', occurredAt: future }), 400, 'occurredAt');
      await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'note', text: 'Whenever', occurredAt: 'yesterday' }), 400, 'occurredAt');
      const past = new Date(Date.now() - 3_600_000).toISOString();
      const backdated = await post<Activity>(`/leads/${lead.id}/activities`, { type: 'call', direction: 'inbound', durationSeconds: 60, outcome: 'voicemail', occurredAt: past });
      expect(backdated.createdAt).toBe(past);
      const timeline = await get<Page<Activity>>(`/leads/${lead.id}/activities`);
      expect(timeline.data.map((activity) => activity.id).slice(0, 4)).toEqual(notes.map((note) => note.id).reverse());
      expect(timeline.data.map((activity) => activity.type).slice(4)).toEqual(['lead_created', 'call']);
      await problem(await call('GET', `/leads/${lead.id}/activities?cursor=forged`, owner.accessToken), 400, 'cursor');
    });

    it('refuses an occurredAt that is not an ISO 8601 time (400)', async () => {
      const lead = await newLead({});
      for (const notIso of ['March 3', '1']) await problem(await call('POST', `/leads/${lead.id}/activities`, owner.accessToken, { type: 'note', text: 'Vague', occurredAt: notIso }), 400, 'occurredAt');
      expect((await get<Page<Activity>>(`/leads/${lead.id}/activities`)).data.map((activity) => activity.type)).toEqual(['lead_created']);
    });

    it("does not move a lead's last activity back in time when a backdated entry is logged", async () => {
      const lead = await newLead({});
      const latest = await post<Activity>(`/leads/${lead.id}/activities`, { type: 'note', text: 'Just now' });
      expect((await get<Lead>(`/leads/${lead.id}`)).lastActivityAt).toBe(latest.createdAt);
      await post<Activity>(`/leads/${lead.id}/activities`, { type: 'note', text: 'Last week', occurredAt: new Date(Date.now() - 7 * 86_400_000).toISOString() });
      expect((await get<Lead>(`/leads/${lead.id}`)).lastActivityAt).toBe(latest.createdAt);
    });
  });

  describe('optimistic concurrency (acceptance)', () => {
    const race = async (path: string, body: (i: number) => unknown) => {
      const read = await call('GET', path, owner.accessToken);
      const etag = read.headers.get('etag') as string;
      expect(etag).toMatch(/^"\d+"$/);
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => call('PATCH', path, owner.accessToken, body(i), { 'if-match': etag })));
      const statuses = responses.map((response) => response.status);
      const winner = responses.find((response) => response.status === 200);
      return { etag, statuses, winner };
    };

    it('20 parallel PATCH /leads/{id} with one If-Match: exactly one 200, nineteen 412', async () => {
      const lead = await newLead({});
      const { etag, statuses, winner } = await race(`/leads/${lead.id}`, (i) => ({ title: `Racer ${i}` }));
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 412)).toHaveLength(19);
      const won = await json<Lead>(winner as Response);
      expect(winner?.headers.get('etag')).not.toBe(etag);
      expect(await get<Lead>(`/leads/${lead.id}`)).toMatchObject({ title: won.title, version: lead.version + 1 });
    });

    it('If-Match: * matches any current version (RFC 9110), on leads and contacts', async () => {
      const lead = await newLead({});
      const contact = await newContact({ name: `Star ${marker()}` });
      const leadPatch = await call('PATCH', `/leads/${lead.id}`, owner.accessToken, { title: 'Any version' }, { 'if-match': '*' });
      expect({ status: leadPatch.status }).toEqual({ status: 200 });
      const contactPatch = await call('PATCH', `/contacts/${contact.id}`, owner.accessToken, { name: 'Any version' }, { 'if-match': '*' });
      expect({ status: contactPatch.status }).toEqual({ status: 200 });
    });

    it('20 parallel PATCH /contacts/{id} with one If-Match: exactly one 200, nineteen 412', async () => {
      const contact = await newContact({ name: `Race ${marker()}` });
      const { statuses, winner } = await race(`/contacts/${contact.id}`, (i) => ({ name: `Racer ${i}` }));
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 412)).toHaveLength(19);
      const won = await json<Contact>(winner as Response);
      expect(await get<Contact>(`/contacts/${contact.id}`)).toMatchObject({ name: won.name, version: contact.version + 1 });
    });
  });
});
