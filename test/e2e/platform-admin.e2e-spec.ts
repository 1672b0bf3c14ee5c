import { json } from '../support/http';
import { eventually, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
  tenant: { id: string; slug: string } | null;
}

const PASSWORD = 'correct horse battery staple';

describe('platform admin (black box, PostgreSQL)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;

  const cli = async (args: string[]) => {
    const proc = startProcess({ entry: { dist: 'apps/cli/src/main.js' }, env: db.env, args });
    return { code: await proc.exited, output: proc.output().trim() };
  };
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Shop', tenantSlug: 'admin-shop', email: 'owner@shop.example', password: PASSWORD, name: 'Owner' }));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('creates a platform admin from the CLI, refusing bad input in one line', async () => {
    expect(await cli(['admin:create', '--email', 'Root@Saler.example', '--password', PASSWORD])).toMatchObject({ code: 0, output: expect.stringMatching(/^Created platform admin root@saler\.example/) });
    expect(await cli(['admin:create', '--email', 'not-an-email', '--password', PASSWORD])).toEqual({ code: 1, output: 'email "not-an-email" is not an email' });
    expect(await cli(['admin:create', '--email', 'x@saler.example', '--password', 'password123'])).toEqual({ code: 1, output: 'password is too common' });
  });

  it('signs the admin in outside any tenant; tenant routes stay closed to them', async () => {
    const admin = await json<Session>(call('POST', '/auth/login', undefined, { email: 'root@saler.example', password: PASSWORD }));
    expect(admin.tenant).toBeNull();
    expect((await call('GET', '/members', admin.accessToken)).status).toBe(403);
    expect((await call('GET', '/audit-logs', admin.accessToken)).status).toBe(403);
    expect((await call('GET', '/tenant', admin.accessToken)).status).toBe(403);
    const refreshed = await call('POST', '/auth/refresh', undefined, { refreshToken: admin.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await json<Session>(refreshed)).tenant).toBeNull();
  });

  it('lists tenants with member counts; tenant users get 403 on /admin/*', async () => {
    const admin = await json<Session>(call('POST', '/auth/login', undefined, { email: 'root@saler.example', password: PASSWORD }));
    const page = await json<{ data: { slug: string; status: string; memberCount: number }[]; nextCursor: string | null }>(call('GET', '/admin/tenants?limit=10', admin.accessToken));
    expect(page.data).toEqual([expect.objectContaining({ slug: 'admin-shop', status: 'active', memberCount: 1 })]);
    expect((await call('GET', '/admin/tenants', owner.accessToken)).status).toBe(403);
    expect((await call('POST', `/admin/tenants/${owner.tenant?.id}/suspend`, owner.accessToken)).status).toBe(403);
  });

  it('suspends and resumes a tenant: its members get 403 meanwhile, and the change is audited in that tenant', async () => {
    const admin = await json<Session>(call('POST', '/auth/login', undefined, { email: 'root@saler.example', password: PASSWORD }));
    const tenantId = owner.tenant?.id as string;
    expect(await json(call('POST', `/admin/tenants/${tenantId}/suspend`, admin.accessToken))).toEqual({ id: tenantId, status: 'suspended' });
    await eventually(
      () => call('GET', '/me', owner.accessToken).then((response) => response.status),
      (status) => status === 403,
      10_000,
    );
    expect(await json(call('POST', `/admin/tenants/${tenantId}/resume`, admin.accessToken))).toEqual({ id: tenantId, status: 'active' });
    await eventually(
      () => call('GET', '/me', owner.accessToken).then((response) => response.status),
      (status) => status === 200,
      10_000,
    );
    const audit = await json<{ data: { action: string; actor: { id: string } }[] }>(call('GET', '/audit-logs?limit=100', owner.accessToken));
    const suspended = audit.data.find((entry) => entry.action === 'tenant.suspended');
    expect(suspended?.actor.id).toBe(admin.user.id);
    expect(audit.data.map((entry) => entry.action)).toContain('tenant.resumed');
    expect((await call('POST', '/admin/tenants/01a20bbc-bea8-74e9-96d7-b4135adfd9cc/suspend', admin.accessToken)).status).toBe(404);
  });
});
