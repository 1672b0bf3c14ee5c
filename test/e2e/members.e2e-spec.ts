import { json, Problem } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
  tenant: { id: string; slug: string; role: string };
}

const PASSWORD = 'correct horse battery staple';

/** Members, invitations and switching tenants, black box on PostgreSQL as saler_app. */
describe('members and invitations (black box, PostgreSQL)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const invite = async (token: string, email: string, role: string) => json<{ token: string }>(call('POST', '/invitations', token, { email, role }));
  const accept = (token: string, password = PASSWORD, name = 'Invitee') => call('POST', '/invitations/accept', undefined, { token, name, password });

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Shop', tenantSlug: 'shop-one', email: 'owner@one.example', password: PASSWORD, name: 'Owner' }));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('invites a new person, who joins with the invited role', async () => {
    const invitation = await invite(owner.accessToken, 'Agent@One.example', 'agent');
    expect(invitation.token).toMatch(/^inv\./);
    const joined = await accept(invitation.token, PASSWORD, 'Agent Smith');
    expect(joined.status).toBe(200);
    expect((await json<Session>(joined)).tenant).toMatchObject({ slug: 'shop-one', role: 'agent' });
    expect((await accept(invitation.token)).status).toBe(401);
    const members = await json<{ data: { email: string; role: string }[] }>(call('GET', '/members', owner.accessToken));
    expect(members.data.map((member) => [member.email, member.role])).toEqual([
      ['owner@one.example', 'owner'],
      ['agent@one.example', 'agent'],
    ]);
  });

  it('refuses member administration to non-admins (403) and unauthenticated callers (401)', async () => {
    const agent = await json<Session>(call('POST', '/auth/login', undefined, { email: 'agent@one.example', password: PASSWORD }));
    expect((await call('GET', '/members', agent.accessToken)).status).toBe(403);
    expect((await call('POST', '/invitations', agent.accessToken, { email: 'x@one.example', role: 'viewer' })).status).toBe(403);
    expect((await call('GET', '/audit-logs', agent.accessToken)).status).toBe(403);
    expect((await call('GET', '/members')).status).toBe(401);
  });

  it('changes roles within the rules: nobody grants above their own role; the last owner stays', async () => {
    const adminInvite = await invite(owner.accessToken, 'admin@one.example', 'admin');
    const admin = await json<Session>(accept(adminInvite.token));
    const agentId = (await json<{ data: { userId: string; email: string }[] }>(call('GET', '/members', owner.accessToken))).data.find((m) => m.email === 'agent@one.example')?.userId as string;
    const promoted = await call('PATCH', `/members/${agentId}`, admin.accessToken, { role: 'manager' });
    expect(promoted.status).toBe(200);
    expect(await json(promoted)).toMatchObject({ role: 'manager', status: 'active' });
    const tooHigh = await call('PATCH', `/members/${agentId}`, admin.accessToken, { role: 'owner' });
    expect(tooHigh.status).toBe(403);
    expect((await call('POST', '/invitations', admin.accessToken, { email: 'boss@one.example', role: 'owner' })).status).toBe(403);
    expect((await call('PATCH', `/members/${owner.user.id}`, admin.accessToken, { role: 'viewer' })).status).toBe(403);
    const lastOwner = await call('PATCH', `/members/${owner.user.id}`, owner.accessToken, { role: 'admin' });
    expect(lastOwner.status).toBe(409);
    expect(await json<Problem>(lastOwner)).toMatchObject({ type: 'urn:saler:problem:last-owner' });
    expect((await call('DELETE', `/members/${owner.user.id}`, owner.accessToken)).status).toBe(409);
    expect((await call('PATCH', `/members/${agentId}`, owner.accessToken, { role: 'superuser' })).status).toBe(400);
    expect((await call('PATCH', '/members/not-a-uuid', owner.accessToken, { role: 'viewer' })).status).toBe(400);
  });

  it('removes a member, whose sessions in the tenant end', async () => {
    const viewerInvite = await invite(owner.accessToken, 'viewer@one.example', 'viewer');
    const viewer = await json<Session>(accept(viewerInvite.token));
    expect((await call('DELETE', `/members/${viewer.user.id}`, owner.accessToken)).status).toBe(204);
    expect((await call('POST', '/auth/refresh', undefined, { refreshToken: viewer.refreshToken })).status).toBe(401);
    expect((await call('DELETE', `/members/${viewer.user.id}`, owner.accessToken)).status).toBe(404);
  });

  it('lets an existing user join a second tenant with their password, then switch between tenants', async () => {
    const other = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Two', tenantSlug: 'shop-two', email: 'owner@two.example', password: PASSWORD, name: 'Two' }));
    const crossInvite = await invite(other.accessToken, 'owner@one.example', 'manager');
    expect((await accept(crossInvite.token, 'a wrong password entirely')).status).toBe(401);
    const secondInvite = await invite(other.accessToken, 'owner@one.example', 'manager');
    expect((await accept(secondInvite.token)).status).toBe(200);
    const me = await json<{ memberships: { tenantSlug: string; role: string }[] }>(call('GET', '/me', owner.accessToken));
    expect(me.memberships.map((m) => [m.tenantSlug, m.role])).toEqual([
      ['shop-one', 'owner'],
      ['shop-two', 'manager'],
    ]);
    const switched = await call('POST', '/auth/switch-tenant', owner.accessToken, { tenantId: other.tenant.id });
    expect(switched.status).toBe(200);
    const inTwo = await json<Session>(switched);
    expect(inTwo.tenant).toMatchObject({ slug: 'shop-two', role: 'manager' });
    expect((await call('GET', '/members', inTwo.accessToken)).status).toBe(403);
    const third = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Three', tenantSlug: 'shop-three', email: 'owner@three.example', password: PASSWORD, name: 'Three' }));
    expect((await call('POST', '/auth/switch-tenant', owner.accessToken, { tenantId: third.tenant.id })).status).toBe(403);
  });

  it('keeps members of one tenant out of reach of another (404, nothing leaked)', async () => {
    const other = await json<Session>(call('POST', '/auth/login', undefined, { email: 'owner@two.example', password: PASSWORD }));
    const agentId = (await json<{ data: { userId: string; email: string }[] }>(call('GET', '/members', owner.accessToken))).data.find((m) => m.email === 'agent@one.example')?.userId as string;
    const patch = await call('PATCH', `/members/${agentId}`, other.accessToken, { role: 'viewer' });
    expect(patch.status).toBe(404);
    expect(JSON.stringify(await json(patch))).not.toContain('agent@one.example');
    expect((await call('DELETE', `/members/${agentId}`, other.accessToken)).status).toBe(404);
    const list = await json<{ data: { email: string }[] }>(call('GET', '/members', other.accessToken));
    expect(list.data.map((m) => m.email)).not.toContain('agent@one.example');
  });

  it('issues API keys shown once, usable as Bearer or X-Api-Key with their role, and revocable', async () => {
    const created = await call('POST', '/api-keys', owner.accessToken, { name: 'website backend', role: 'admin' });
    expect(created.status).toBe(201);
    const { id, key, prefix } = await json<{ id: string; key: string; prefix: string }>(created);
    expect(key).toMatch(/^slr_/);
    expect(key.startsWith(prefix)).toBe(true);
    const listed = await json<{ id: string; prefix: string; lastUsedAt: string | null }[]>(call('GET', '/api-keys', owner.accessToken));
    expect(listed.find((k) => k.id === id)).toMatchObject({ prefix, lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key.slice(12));
    expect((await call('GET', '/members', key)).status).toBe(200);
    const viaHeader = await fetch(`${base}/api/v1/members`, { headers: { 'x-api-key': key } });
    expect(viaHeader.status).toBe(200);
    expect((await json<{ id: string; lastUsedAt: string | null }[]>(call('GET', '/api-keys', owner.accessToken))).find((k) => k.id === id)?.lastUsedAt).not.toBeNull();
    expect((await call('GET', '/me', key)).status).toBe(403);
    const agentKey = await json<{ key: string }>(call('POST', '/api-keys', owner.accessToken, { name: 'reporting', role: 'agent' }));
    expect((await call('GET', '/members', agentKey.key)).status).toBe(403);
    expect((await call('POST', '/api-keys', owner.accessToken, { name: 'too strong', role: 'owner' })).status).toBe(400);
    expect((await call('POST', '/api-keys', owner.accessToken, { name: 'stale', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' })).status).toBe(400);
    expect((await call('DELETE', `/api-keys/${id}`, owner.accessToken)).status).toBe(204);
    expect((await call('GET', '/members', key)).status).toBe(401);
    expect((await call('GET', '/members', `${key.slice(0, -2)}xx`)).status).toBe(401);
    const other = await json<Session>(call('POST', '/auth/login', undefined, { email: 'owner@two.example', password: PASSWORD }));
    expect((await call('DELETE', `/api-keys/${id}`, other.accessToken)).status).toBe(404);
    const audit = await json<{ data: { action: string }[] }>(call('GET', '/audit-logs?limit=100', owner.accessToken));
    expect(audit.data.map((entry) => entry.action)).toEqual(expect.arrayContaining(['api_key.created', 'api_key.revoked']));
  });

  it('reads and updates tenant settings with ETag / If-Match (stale gets 412), admin+ only', async () => {
    const read = await call('GET', '/tenant', owner.accessToken);
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag') as string;
    expect(await json(read)).toMatchObject({ slug: 'shop-one', status: 'active', locale: 'en', timezone: 'UTC', retentionDays: 365 });
    const patch = (body: unknown, ifMatch?: string, token = owner.accessToken) =>
      fetch(`${base}/api/v1/tenant`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, body: JSON.stringify(body) });
    const updated = await patch({ timezone: 'Europe/Lisbon', settings: { greeting: 'Olá' } }, etag);
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).not.toBe(etag);
    expect(await json(updated)).toMatchObject({ timezone: 'Europe/Lisbon', settings: { greeting: 'Olá' } });
    expect((await patch({ name: 'Stale write' }, etag)).status).toBe(412);
    expect((await patch({ timezone: 'Mars/Olympus' })).status).toBe(400);
    expect((await patch({ settings: { nested: { no: true } } })).status).toBe(400);
    const current = (await call('GET', '/tenant', owner.accessToken)).headers.get('etag') as string;
    const racers = await Promise.all(Array.from({ length: 10 }, (_, i) => patch({ name: `Racer ${i}` }, current).then((r) => r.status)));
    expect(racers.filter((status) => status === 200)).toHaveLength(1);
    expect(racers.filter((status) => status === 412)).toHaveLength(9);
    expect((await patch({ retentionDays: 30 })).status).toBe(200);
    const manager = await json<Session>(call('POST', '/auth/login', undefined, { email: 'agent@one.example', password: PASSWORD }));
    expect((await call('GET', '/tenant', manager.accessToken)).status).toBe(200);
    expect((await patch({ name: 'Not allowed' }, undefined, manager.accessToken)).status).toBe(403);
    const audit = await json<{ data: { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[] }>(call('GET', '/audit-logs?action=tenant.updated&limit=100', owner.accessToken));
    expect(audit.data.at(-1)).toMatchObject({ before: { timezone: 'UTC' }, after: { timezone: 'Europe/Lisbon' } });
  });
});
