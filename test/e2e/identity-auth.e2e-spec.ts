import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import Database from 'better-sqlite3';
import { json, Problem } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; email: string; name: string };
  tenant: { id: string; slug: string; name: string; role: string };
}

interface Me {
  id: string;
  email: string;
  currentTenantId: string;
  memberships: { tenantId: string; tenantSlug: string; role: string; status: string }[];
}

const PASSWORD = 'correct horse battery staple';

/** Registration, login, sessions and /me, black box against the built api, on both databases. */
describe.each(['postgres', 'sqlite'] as const)('auth on %s (black box)', (driver) => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase | undefined;
  let dir: string | undefined;
  let suspend: (tenantId: string) => Promise<void>;

  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const me = (token: string) => fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  const register = (slug: string, email: string) => post('/auth/register', { tenantName: `Tenant ${slug}`, tenantSlug: slug, email, password: PASSWORD, name: 'Ana Lima' });

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    let env: Record<string, string>;
    if (driver === 'postgres') {
      db = await createTestDatabase('postgres');
      env = { DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL };
      suspend = async (tenantId) => {
        const client = new Client({ connectionString: db?.adminUrl });
        await client.connect();
        await client.query(`UPDATE tenants SET status = 'suspended' WHERE id = $1`, [tenantId]);
        await client.end();
      };
    } else {
      dir = mkdtempSync(join(tmpdir(), 'saler-auth-'));
      env = { SQLITE_PATH: join(dir, 'saler.sqlite') };
      suspend = async (tenantId) => {
        const sqlite = new Database(join(dir as string, 'saler.sqlite'));
        sqlite.prepare(`UPDATE tenants SET status = 'suspended' WHERE id = ?`).run(tenantId);
        sqlite.close();
      };
    }
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { ...env, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers a tenant with its owner and a first session', async () => {
    const response = await register('acme-mats', 'Ana@Example.com');
    expect(response.status).toBe(201);
    const session = await json<Session>(response);
    expect(session).toMatchObject({
      accessToken: expect.stringMatching(/^ey/),
      refreshToken: expect.stringMatching(/^rt\./),
      expiresIn: 900,
      user: { email: 'ana@example.com', name: 'Ana Lima' },
      tenant: { slug: 'acme-mats', name: 'Tenant acme-mats', role: 'owner' },
    });
    const profile = await json<Me>(me(session.accessToken));
    expect(profile).toMatchObject({ email: 'ana@example.com', currentTenantId: session.tenant.id, memberships: [{ tenantSlug: 'acme-mats', role: 'owner', status: 'active' }] });
  });

  it('refuses a taken slug or email with 409, and weak input with 400 field errors', async () => {
    const slugTaken = await register('acme-mats', 'other@example.com');
    expect(slugTaken.status).toBe(409);
    expect((await json<Problem>(slugTaken)).errors).toEqual([{ field: 'tenantSlug', message: 'This tenant slug is taken' }]);
    const emailTaken = await register('another-shop', 'ANA@example.com');
    expect(emailTaken.status).toBe(409);
    const weak = await post('/auth/register', { tenantName: 'X', tenantSlug: 'Bad Slug', email: 'nope', password: 'password123', name: 'X' });
    expect(weak.status).toBe(400);
    const fields = (await json<Problem>(weak)).errors?.map((error) => error.field).sort();
    expect(fields).toEqual(['email', 'password', 'tenantSlug']);
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const unknown = await post('/auth/login', { email: 'nobody@example.com', password: PASSWORD });
    const wrong = await post('/auth/login', { email: 'ana@example.com', password: 'not the password at all' });
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    const [a, b] = [await json<Problem>(unknown), await json<Problem>(wrong)];
    expect({ type: a.type, detail: a.detail }).toEqual({ type: b.type, detail: b.detail });
  });

  it('logs in, picking the first active membership or the named tenant', async () => {
    const session = await json<Session>(post('/auth/login', { email: 'ana@example.com', password: PASSWORD }));
    expect(session.tenant).toMatchObject({ slug: 'acme-mats', role: 'owner' });
    const named = await post('/auth/login', { email: 'ana@example.com', password: PASSWORD, tenantSlug: 'acme-mats' });
    expect(named.status).toBe(200);
    const elsewhere = await post('/auth/login', { email: 'ana@example.com', password: PASSWORD, tenantSlug: 'not-mine' });
    expect(elsewhere.status).toBe(403);
  });

  it('requires a valid bearer token on tenant routes', async () => {
    const missing = await fetch(`${base}/api/v1/me`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await me('not.a.jwt')).status).toBe(401);
    const forged = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect((await me(`${forged}.${Buffer.from('{"sub":"x","tid":"y","role":"owner","sid":"z"}').toString('base64url')}.`)).status).toBe(401);
  });

  it('rotates refresh tokens; reusing one revokes the whole family', async () => {
    const first = await json<Session>(post('/auth/login', { email: 'ana@example.com', password: PASSWORD }));
    const second = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    const rotated = await json<Session>(second);
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect((await me(rotated.accessToken)).status).toBe(200);
    const reuse = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: rotated.refreshToken })).status).toBe(401);
  });

  it('gives exactly one winner to concurrent uses of the same refresh token', async () => {
    const session = await json<Session>(post('/auth/login', { email: 'ana@example.com', password: PASSWORD }));
    const statuses = await Promise.all(Array.from({ length: 5 }, () => post('/auth/refresh', { refreshToken: session.refreshToken }).then((r) => r.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 401)).toHaveLength(4);
  });

  it('logs out: the refresh token stops working; unknown tokens still get 204', async () => {
    const session = await json<Session>(post('/auth/login', { email: 'ana@example.com', password: PASSWORD }));
    expect((await post('/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await post('/auth/logout', { refreshToken: 'rt.garbage' })).status).toBe(204);
  });

  it('closes a suspended tenant with 403 on tenant routes and at login', async () => {
    const session = await json<Session>(register('closing-shop', 'owner@closing.example'));
    await suspend(session.tenant.id);
    const blocked = await me(session.accessToken);
    expect(blocked.status).toBe(403);
    expect(await json<Problem>(blocked)).toMatchObject({ type: 'urn:saler:problem:tenant-suspended', status: 403 });
    expect((await post('/auth/login', { email: 'owner@closing.example', password: PASSWORD })).status).toBe(403);
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('audits registration, logins and refresh reuse in the tenant chain, which verifies', async () => {
    const session = await json<Session>(post('/auth/login', { email: 'ana@example.com', password: PASSWORD }));
    const get = (path: string) => fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${session.accessToken}`, 'user-agent': 'saler-e2e' } });
    const actions: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { action: string; actor: { type: string; id: string | null } }[]; nextCursor: string | null } = await json(get(`/audit-logs?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      actions.push(...page.data.map((entry) => entry.action));
      cursor = page.nextCursor;
    } while (cursor);
    expect(actions).toEqual(expect.arrayContaining(['tenant.created', 'user.registered', 'member.added', 'security.login_succeeded', 'security.refresh_reuse', 'session.ended']));
    const reuse = await json<{ data: { actor: { type: string; id: string }; ip: string | null }[] }>(get('/audit-logs?action=security.refresh_reuse'));
    expect(reuse.data[0].actor).toEqual({ type: 'user', id: session.user.id });
    expect(await json(get('/audit-logs/verify'))).toEqual({ valid: true, checked: actions.length + 0 });
    expect((await get('/audit-logs?cursor=forged.cursor')).status).toBe(400);
    expect((await get('/audit-logs?limit=500')).status).toBe(400);
  });

  it('locks an email out after 5 failed logins in 15 minutes, with Retry-After, and audits it', async () => {
    const owner = await json<Session>(register('lock-shop', 'lock@example.com'));
    for (let i = 0; i < 5; i++) expect((await post('/auth/login', { email: 'lock@example.com', password: `wrong password ${i}` })).status).toBe(401);
    const locked = await post('/auth/login', { email: 'lock@example.com', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await json<Problem>(locked)).toMatchObject({ type: 'urn:saler:problem:login-locked', status: 429 });
    const audit = await json<{ data: { action: string }[] }>(fetch(`${base}/api/v1/audit-logs?limit=50`, { headers: { authorization: `Bearer ${owner.accessToken}` } }));
    const actions = audit.data.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'security.login_failed')).toHaveLength(5);
    expect(actions).toContain('security.lockout');
    // Unknown emails lock out the same way, so the lockout reveals nothing about accounts.
    for (let i = 0; i < 5; i++) await post('/auth/login', { email: 'ghost@example.com', password: `wrong password ${i}` });
    expect((await post('/auth/login', { email: 'ghost@example.com', password: PASSWORD })).status).toBe(429);
  });

  it('documents the auth routes with bearer security on /me', async () => {
    const document = await json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>(fetch(`${base}/docs-json`));
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/me']));
    expect(document.paths['/api/v1/me'].get.security).toEqual([{ bearer: [] }]);
  });
});
