import { randomUUID } from 'node:crypto';
import { json } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery staple';
const PRINCIPALS = ['owner', 'admin', 'manager', 'agent', 'viewer', 'apiKeyAdmin', 'apiKeyViewer', 'platformAdmin'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
const USERS: PrincipalName[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];
const ADMINS: PrincipalName[] = ['owner', 'admin', 'apiKeyAdmin'];

interface Fixture {
  call(method: string, path: string, credential: string, body?: unknown): Promise<Response>;
  tenantId: string;
  /** A fresh viewer of the tenant, for routes that change or remove a member. */
  freshMember(): Promise<string>;
  /** A fresh API key of the tenant, for the revocation route. */
  freshKey(): Promise<string>;
  /** A tenant nobody else uses, for suspend/resume. */
  sacrificialTenant(): Promise<string>;
}

interface Rule {
  route: string;
  allowed: PrincipalName[];
  request(fixture: Fixture): Promise<{ path: string; body?: unknown }>;
}

/**
 * The role × route matrix as data (the spec's role table applied to every authenticated route).
 * For each rule and each principal a paired case runs: allowed principals must get 2xx, the others
 * 403. A route in /docs-json without a rule fails the suite.
 */
const MATRIX: Rule[] = [
  { route: 'GET /api/v1/me', allowed: USERS, request: async () => ({ path: '/api/v1/me' }) },
  { route: 'POST /api/v1/auth/switch-tenant', allowed: USERS, request: async (f) => ({ path: '/api/v1/auth/switch-tenant', body: { tenantId: f.tenantId } }) },
  { route: 'GET /api/v1/tenant', allowed: [...USERS, 'apiKeyAdmin', 'apiKeyViewer'], request: async () => ({ path: '/api/v1/tenant' }) },
  { route: 'PATCH /api/v1/tenant', allowed: ADMINS, request: async () => ({ path: '/api/v1/tenant', body: {} }) },
  { route: 'GET /api/v1/members', allowed: ADMINS, request: async () => ({ path: '/api/v1/members' }) },
  { route: 'PATCH /api/v1/members/{userId}', allowed: ADMINS, request: async (f) => ({ path: `/api/v1/members/${await f.freshMember()}`, body: { status: 'active' } }) },
  { route: 'DELETE /api/v1/members/{userId}', allowed: ADMINS, request: async (f) => ({ path: `/api/v1/members/${await f.freshMember()}` }) },
  { route: 'POST /api/v1/invitations', allowed: ADMINS, request: async () => ({ path: '/api/v1/invitations', body: { email: `${randomUUID()}@matrix.example`, role: 'viewer' } }) },
  { route: 'POST /api/v1/api-keys', allowed: ADMINS, request: async () => ({ path: '/api/v1/api-keys', body: { name: 'matrix', role: 'viewer' } }) },
  { route: 'GET /api/v1/api-keys', allowed: ADMINS, request: async () => ({ path: '/api/v1/api-keys' }) },
  { route: 'DELETE /api/v1/api-keys/{id}', allowed: ADMINS, request: async (f) => ({ path: `/api/v1/api-keys/${await f.freshKey()}` }) },
  { route: 'GET /api/v1/audit-logs', allowed: ADMINS, request: async () => ({ path: '/api/v1/audit-logs' }) },
  { route: 'GET /api/v1/audit-logs/verify', allowed: ADMINS, request: async () => ({ path: '/api/v1/audit-logs/verify' }) },
  { route: 'GET /api/v1/admin/tenants', allowed: ['platformAdmin'], request: async () => ({ path: '/api/v1/admin/tenants' }) },
  { route: 'POST /api/v1/admin/tenants/{id}/suspend', allowed: ['platformAdmin'], request: async (f) => ({ path: `/api/v1/admin/tenants/${await f.sacrificialTenant()}/suspend` }) },
  { route: 'POST /api/v1/admin/tenants/{id}/resume', allowed: ['platformAdmin'], request: async (f) => ({ path: `/api/v1/admin/tenants/${await f.sacrificialTenant()}/resume` }) },
];

describe('authorization matrix (black box, PostgreSQL)', () => {
  let api: RunningProcess;
  let db: TestDatabase;
  let base: string;
  const credentials = {} as Record<PrincipalName, string>;
  let fixture: Fixture;
  let documentedRoutes: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { DATABASE_URL: db.env.DATABASE_URL, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    const call = (method: string, path: string, credential: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${credential}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const post = <T>(path: string, body: unknown, credential?: string) =>
      json<T>(fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) }, body: JSON.stringify(body) }));
    const register = (slug: string) =>
      post<{ accessToken: string; tenant: { id: string } }>('/api/v1/auth/register', { tenantName: slug, tenantSlug: slug, email: `owner@${slug}.example`, password: PASSWORD, name: 'Owner' });
    const owner = await register('matrix-shop');
    credentials.owner = owner.accessToken;
    const join = async (role: string) => {
      const invitation = await post<{ token: string }>('/api/v1/invitations', { email: `${role}-${randomUUID()}@matrix.example`, role }, owner.accessToken);
      return post<{ accessToken: string; user: { id: string } }>('/api/v1/invitations/accept', { token: invitation.token, name: role, password: PASSWORD });
    };
    for (const role of ['admin', 'manager', 'agent', 'viewer'] as const) credentials[role] = (await join(role)).accessToken;
    credentials.apiKeyAdmin = (await post<{ key: string }>('/api/v1/api-keys', { name: 'admin key', role: 'admin' }, owner.accessToken)).key;
    credentials.apiKeyViewer = (await post<{ key: string }>('/api/v1/api-keys', { name: 'viewer key', role: 'viewer' }, owner.accessToken)).key;
    const cli = startProcess({ entry: { dist: 'apps/cli/src/main.js' }, env: db.env, args: ['admin:create', '--email', 'root@matrix.example', '--password', PASSWORD] });
    expect(await cli.exited).toBe(0);
    credentials.platformAdmin = (await post<{ accessToken: string }>('/api/v1/auth/login', { email: 'root@matrix.example', password: PASSWORD })).accessToken;
    fixture = {
      call,
      tenantId: owner.tenant.id,
      freshMember: async () => (await join('viewer')).user.id,
      freshKey: async () => (await post<{ id: string }>('/api/v1/api-keys', { name: 'doomed', role: 'viewer' }, owner.accessToken)).id,
      sacrificialTenant: async () => (await register(`gone-${randomUUID().slice(0, 8)}`)).tenant.id,
    };
    const document = await json<{ paths: Record<string, Record<string, unknown>> }>(fetch(`${base}/docs-json`));
    const publicRoutes = new Set(['POST /api/v1/auth/register', 'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout', 'POST /api/v1/invitations/accept']);
    documentedRoutes = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => !publicRoutes.has(route));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('has a rule for every authenticated route in /docs-json', () => {
    expect(documentedRoutes.filter((route) => !MATRIX.some((rule) => rule.route === route))).toEqual([]);
  });

  describe.each(MATRIX)('$route', (rule) => {
    const [method] = rule.route.split(' ');
    it.each(PRINCIPALS.map((principal) => [rule.allowed.includes(principal) ? `successful-${principal}` : `failing-${principal}`, principal] as const))('%s', async (_name, principal) => {
      const { path, body } = await rule.request(fixture);
      const response = await fixture.call(method, path, credentials[principal], body);
      const outcome = response.status >= 200 && response.status < 300 ? 'success' : response.status;
      expect({ principal, outcome }).toEqual({ principal, outcome: rule.allowed.includes(principal) ? 'success' : 403 });
    });
  });
});
