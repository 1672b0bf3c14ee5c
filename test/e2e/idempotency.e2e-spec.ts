import { Client } from 'pg';
import { json, Problem } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

interface Session {
  accessToken: string;
  refreshToken: string;
}

interface ApiKeyCreated {
  id: string;
  name: string;
  key: string;
}

const PASSWORD = 'correct horse battery staple';
const PROBLEM_JSON = /^application\/problem\+json/;

/** Idempotency-Key on POST, black box on PostgreSQL as saler_app: the real api process over HTTP. */
describe('Idempotency-Key (black box, PostgreSQL)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;
  let otherTenant: Session;

  const post = (path: string, token: string | undefined, body: unknown, idempotencyKey?: string) =>
    fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
      },
      body: JSON.stringify(body),
    });
  const apiKeysNamed = async (token: string, name: string) =>
    (await json<ApiKeyCreated[]>(fetch(`${base}/api/v1/api-keys`, { headers: { authorization: `Bearer ${token}` } }))).filter((key) => key.name === name);
  const register = (slug: string, email: string) => json<Session>(post('/auth/register', undefined, { tenantName: slug, tenantSlug: slug, email, password: PASSWORD, name: 'Owner' }));
  const asAdmin = async (sql: string) => {
    const client = new Client({ connectionString: db.adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    owner = await register('idem-one', 'owner@idem-one.example');
    otherTenant = await register('idem-two', 'owner@idem-two.example');
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('replays the first response to a retry of the same request, without running the handler again', async () => {
    const first = await post('/api-keys', owner.accessToken, { name: 'replayed', role: 'viewer' }, 'key-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const created = await json<ApiKeyCreated>(first);
    // Same request: key order and spacing of the JSON do not matter.
    const retry = await post('/api-keys', owner.accessToken, { role: 'viewer', name: 'replayed' }, 'key-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json(retry)).toEqual(created);
    expect(await apiKeysNamed(owner.accessToken, 'replayed')).toHaveLength(1);
  });

  it('refuses the same key for another body or another path (422), and runs neither', async () => {
    const otherBody = await post('/api-keys', owner.accessToken, { name: 'not-created', role: 'viewer' }, 'key-1');
    expect(otherBody.status).toBe(422);
    expect(otherBody.headers.get('content-type')).toMatch(PROBLEM_JSON);
    expect(await json<Problem>(otherBody)).toMatchObject({ type: 'urn:saler:problem:idempotency-key-reused', status: 422, instance: '/api/v1/api-keys' });
    const otherPath = await post('/invitations', owner.accessToken, { email: 'nobody@idem-one.example', role: 'viewer' }, 'key-1');
    expect(otherPath.status).toBe(422);
    expect(await apiKeysNamed(owner.accessToken, 'not-created')).toHaveLength(0);
  });

  it('stores a 4xx and replays it unchanged', async () => {
    const first = await post('/api-keys', owner.accessToken, { name: 'too strong', role: 'owner' }, 'key-400');
    expect(first.status).toBe(400);
    const problem = await json<Problem>(first);
    const retry = await post('/api-keys', owner.accessToken, { name: 'too strong', role: 'owner' }, 'key-400');
    expect(retry.status).toBe(400);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('content-type')).toMatch(PROBLEM_JSON);
    expect(retry.headers.get('x-request-id')).not.toBe(problem.requestId);
    expect(await json(retry)).toEqual(problem);
  });

  it('lets exactly one of 20 parallel duplicates run; the others get its response or 409', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => post('/api-keys', owner.accessToken, { name: 'parallel', role: 'viewer' }, 'key-parallel')));
    const outcomes = await Promise.all(
      responses.map(async (response) => ({ status: response.status, replayed: response.headers.get('idempotent-replayed'), retryAfter: response.headers.get('retry-after'), body: await json<Record<string, unknown>>(response) })),
    );
    expect(outcomes.filter((outcome) => outcome.status !== 201 && outcome.status !== 409)).toEqual([]);
    const created = outcomes.filter((outcome) => outcome.status === 201);
    expect(created.filter((outcome) => outcome.replayed === null)).toHaveLength(1);
    for (const outcome of created) expect(outcome.body).toEqual(created[0].body);
    for (const outcome of outcomes.filter(({ status }) => status === 409)) {
      expect(outcome).toMatchObject({ retryAfter: '1', body: { type: 'urn:saler:problem:idempotency-key-in-flight', status: 409 } });
    }
    const listed = await apiKeysNamed(owner.accessToken, 'parallel');
    expect(listed).toHaveLength(1);
    expect(listed[0].id).toBe(created[0].body.id);
  });

  it('creates exactly one lead from 20 parallel POST /leads with one key (and one contact)', async () => {
    const body = { title: 'Parallel fleet', valueMinor: 5000, currency: 'EUR', contact: { name: 'Idem Person', email: 'idem.person@example.com' } };
    const responses = await Promise.all(Array.from({ length: 20 }, () => post('/leads', owner.accessToken, body, 'lead-parallel')));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    const created = await Promise.all(responses.filter((response) => response.status === 201).map((response) => json<{ id: string }>(response)));
    expect(new Set(created.map((lead) => lead.id)).size).toBe(1);
    const leads = await json<{ data: { id: string; contact: { id: string } }[] }>(fetch(`${base}/api/v1/leads?q=parallel`, { headers: { authorization: `Bearer ${owner.accessToken}` } }));
    expect(leads.data.map((lead) => lead.id)).toEqual([created[0].id]);
    const contacts = await json<{ data: unknown[] }>(fetch(`${base}/api/v1/contacts?q=idem.person`, { headers: { authorization: `Bearer ${owner.accessToken}` } }));
    expect(contacts.data).toHaveLength(1);
  });

  it('scopes a key per actor (user or API key) and per tenant', async () => {
    const invitation = await json<{ token: string }>(post('/invitations', owner.accessToken, { email: 'admin@idem-one.example', role: 'admin' }));
    const admin = await json<Session>(post('/invitations/accept', undefined, { token: invitation.token, name: 'Admin', password: PASSWORD }));
    const apiKey = await json<ApiKeyCreated>(post('/api-keys', owner.accessToken, { name: 'server', role: 'admin' }));
    for (const token of [admin.accessToken, apiKey.key, otherTenant.accessToken]) {
      const response = await post('/api-keys', token, { name: 'replayed', role: 'viewer' }, 'key-1');
      expect(response.status).toBe(201);
      expect(response.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await apiKeysNamed(owner.accessToken, 'replayed')).toHaveLength(3);
    expect(await apiKeysNamed(otherTenant.accessToken, 'replayed')).toHaveLength(1);
  });

  it('refuses an empty key or one longer than 255 characters (400), before running anything', async () => {
    for (const key of ['k'.repeat(256), '']) {
      const response = await post('/api-keys', owner.accessToken, { name: 'bad key', role: 'viewer' }, key);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect((await json<Problem>(response)).errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    }
    expect((await post('/api-keys', owner.accessToken, { name: 'good key', role: 'viewer' }, 'k'.repeat(255))).status).toBe(201);
    expect(await apiKeysNamed(owner.accessToken, 'bad key')).toHaveLength(0);
  });

  it('without the header, every POST runs', async () => {
    const one = await json<ApiKeyCreated>(post('/api-keys', owner.accessToken, { name: 'plain', role: 'viewer' }));
    const two = await json<ApiKeyCreated>(post('/api-keys', owner.accessToken, { name: 'plain', role: 'viewer' }));
    expect(one.id).not.toBe(two.id);
    expect(await apiKeysNamed(owner.accessToken, 'plain')).toHaveLength(2);
  });

  it('ignores the header on public routes (no tenant to scope it to)', async () => {
    const login = () => post('/auth/login', undefined, { email: 'owner@idem-one.example', password: PASSWORD }, 'login-key');
    const [first, second] = [await login(), await login()];
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect((await json<Session>(first)).refreshToken).not.toBe((await json<Session>(second)).refreshToken);
  });

  it('frees the key when the first attempt fails with a 5xx, so a retry runs', async () => {
    await asAdmin('REVOKE INSERT ON api_keys FROM saler_app');
    try {
      const failed = await post('/api-keys', owner.accessToken, { name: 'after outage', role: 'viewer' }, 'key-5xx');
      expect(failed.status).toBe(500);
    } finally {
      await asAdmin('GRANT INSERT ON api_keys TO saler_app');
    }
    const retry = await post('/api-keys', owner.accessToken, { name: 'after outage', role: 'viewer' }, 'key-5xx');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await apiKeysNamed(owner.accessToken, 'after outage')).toHaveLength(1);
  });

  it('documents the optional header on authenticated POST operations only', async () => {
    const document = await json<{ paths: Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean }[] }>> }>(fetch(`${base}/docs-json`));
    expect(document.paths['/api/v1/api-keys'].post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }));
    expect(document.paths['/api/v1/auth/login'].post.parameters ?? []).not.toContainEqual(expect.objectContaining({ name: 'Idempotency-Key' }));
    expect(document.paths['/api/v1/api-keys'].get.parameters ?? []).not.toContainEqual(expect.objectContaining({ name: 'Idempotency-Key' }));
  });
});
