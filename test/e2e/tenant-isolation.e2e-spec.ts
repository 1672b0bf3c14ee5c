import { json } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

interface Session {
  accessToken: string;
  user: { id: string };
  tenant: { id: string };
}

const PASSWORD = 'correct horse battery staple';

/**
 * Bodies for templated routes whose request body has required fields, so the call reaches the
 * handler (and its tenant scoping) instead of stopping at validation. A new templated route with a
 * required body must be added here: the suite fails until it is.
 */
const BODIES: Record<string, unknown> = {};

/**
 * Every tenant-owned route with an id in its path, taken from /docs-json so routes added later are
 * covered without editing this file: tenant A's owner, given B's ids, gets 404 and nothing of B.
 */
describe('cross-tenant isolation of every templated route (PostgreSQL, black box)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let a: Session;
  const bIds: string[] = [];
  const bSecrets: string[] = [];

  const call = (method: string, path: string, token: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { DATABASE_URL: db.env.DATABASE_URL, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    const register = (slug: string) =>
      json<Session>(fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantName: slug, tenantSlug: slug, email: `owner@${slug}.example`, password: PASSWORD, name: 'Owner' }) }));
    a = await register('tenant-a');
    const b = await register('tenant-b');
    // Give B one resource of every kind that has an id route, and remember B's ids and secrets.
    const invitation = await json<{ id: string; token: string }>(call('POST', '/api/v1/invitations', b.accessToken, { email: 'agent@tenant-b.example', role: 'agent' }));
    const joined = await json<Session>(fetch(`${base}/api/v1/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: invitation.token, name: 'B Agent', password: PASSWORD }) }));
    const key = await json<{ id: string; key: string }>(call('POST', '/api/v1/api-keys', b.accessToken, { name: 'b key', role: 'viewer' }));
    bIds.push(b.user.id, joined.user.id, key.id, invitation.id, b.tenant.id);
    bSecrets.push('agent@tenant-b.example', 'owner@tenant-b.example', 'b key', key.key);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('answers 404 and leaks nothing for every templated route called with the other tenant\'s ids', async () => {
    const document = await json<{
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    }>(fetch(`${base}/docs-json`));
    const schemas = document.components.schemas;
    // Platform-admin routes act across tenants on purpose; platform-admin.e2e-spec.ts covers them.
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      path.includes('{') && !path.startsWith('/api/v1/admin/') ? Object.entries(operations).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })) : [],
    );
    expect(routes.length).toBeGreaterThan(0);
    const checked: string[] = [];
    for (const { path, method, operation } of routes) {
      const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop();
      const needsBody = ref !== undefined && (schemas[ref]?.required?.length ?? 0) > 0;
      const route = `${method} ${path}`;
      if (needsBody && !(route in BODIES)) throw new Error(`${route} has a required body: add one to BODIES in tenant-isolation.e2e-spec.ts`);
      const body = route in BODIES ? BODIES[route] : ref !== undefined ? {} : undefined;
      for (const id of bIds) {
        const response = await call(method, path.replace(/\{[^}]+\}/g, id), a.accessToken, body);
        const text = await response.text();
        expect({ route, id, status: response.status }).toEqual({ route, id, status: 404 });
        for (const secret of bSecrets) expect(text).not.toContain(secret);
      }
      checked.push(route);
    }
    expect(checked).toEqual(expect.arrayContaining(['PATCH /api/v1/members/{userId}', 'DELETE /api/v1/members/{userId}', 'DELETE /api/v1/api-keys/{id}']));
  });
});
