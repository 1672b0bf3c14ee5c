import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, Problem } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { REDIS_URL, uniqueName } from '../support/services';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery staple';

describe('rate limiting (black box)', () => {
  const processes: RunningProcess[] = [];
  let dir: string;

  async function startApi(env: Record<string, string>): Promise<string> {
    const port = await freePort();
    const api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'saler.sqlite'), ...env } });
    processes.push(api);
    await waitForReady(api, `http://127.0.0.1:${port}/health/ready`);
    return `http://127.0.0.1:${port}`;
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'saler-rate-'));
  });

  afterAll(async () => {
    await Promise.all(processes.map((proc) => proc.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('limits auth routes per IP (strict) and other routes per user, with RateLimit-* headers and a 429 problem', async () => {
    const base = await startApi({ RATE_LIMIT_AUTH_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '4' });
    const login = () => fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.com', password: PASSWORD }) });
    const first = await login();
    expect(first.status).toBe(401);
    expect(first.headers.get('ratelimit-limit')).toBe('3');
    expect(first.headers.get('ratelimit-remaining')).toBe('2');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    await login();
    await login();
    const limited = await login();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await json<Problem>(limited)).toMatchObject({ status: 429, title: 'Too Many Requests' });
    // Health and metrics are never limited.
    for (let i = 0; i < 6; i++) expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('shares counters between api replicas through Redis', async () => {
    // Replicas share the JWT secret (outside production each process would otherwise invent its own).
    const env = { REDIS_URL, QUEUE_PREFIX: uniqueName('rate'), RATE_LIMIT_PER_MINUTE: '4', SQLITE_PATH: join(dir, 'shared.sqlite'), JWT_SECRET: 'replica-secret-replica-secret-replica' };
    const one = await startApi(env);
    const two = await startApi(env);
    const session = await json<{ accessToken: string }>(
      fetch(`${one}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantName: 'Rate', tenantSlug: 'rate-shop', email: 'rate@example.com', password: PASSWORD, name: 'Rate' }) }),
    );
    const me = (base: string) => fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${session.accessToken}` } }).then((response) => response.status);
    const statuses = [await me(one), await me(two), await me(one), await me(two), await me(one), await me(two)];
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
