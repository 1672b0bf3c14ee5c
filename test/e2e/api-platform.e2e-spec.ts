import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, OpenApiDocument, Problem } from '../support/http';
import { eventually, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';

jest.setTimeout(90_000);

/**
 * The built api, started as `npm start` would on a fresh machine: SQLite, inline queue, no Redis,
 * no .env. Black-box: only HTTP.
 */
describe('api on SQLite with the inline queue (black box)', () => {
  let api: RunningProcess;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saler-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'saler.sqlite'), DEMO_TENANT: 'true' } });
    await waitForReady(api, `${base}/health/ready`);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers liveness and readiness', async () => {
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });

  it('serves Swagger UI at /docs and OpenAPI 3 at /docs-json, without ops routes', async () => {
    const ui = await fetch(`${base}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const document = await json<OpenApiDocument>(fetch(`${base}/docs-json`));
    expect(document.openapi).toMatch(/^3\./);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.ProblemDetails.properties).toEqual(
      expect.objectContaining({ type: expect.any(Object), title: expect.any(Object), status: expect.any(Object), errors: expect.any(Object) }),
    );
    expect(Object.keys(document.paths).filter((path) => /health|metrics/.test(path))).toEqual([]);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await fetch(`${base}/api/v1/nothing-here?x=1`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, instance: '/api/v1/nothing-here' });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await fetch(`${base}/api/v1/anything`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 400, title: 'Bad Request', detail: expect.stringMatching(/JSON/) });
  });

  it('answers a body over the 1 MB limit with 413 problem+json', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(1_100_000) });
    const response = await fetch(`${base}/api/v1/anything`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('echoes a valid X-Request-Id and replaces an invalid one', async () => {
    const echoed = await fetch(`${base}/health/live`, { headers: { 'X-Request-Id': 'client-id-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-id-42');
    const replaced = await fetch(`${base}/api/v1/missing`, { headers: { 'X-Request-Id': 'bad id with spaces' } });
    const id = replaced.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await json<Problem>(replaced)).requestId).toBe(id);
  });

  it('sends the same security headers on every answer, problems included', async () => {
    const answers = [await fetch(`${base}/health/live`), await fetch(`${base}/api/v1/no-such-route`), await fetch(`${base}/api/v1/leads`, { method: 'POST', body: '{' })];
    expect(answers.map((answer) => answer.status)).toEqual([200, 404, 401]);
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(answer.headers.get('content-security-policy')).toBe(
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self' 'unsafe-inline';script-src-attr 'none';style-src 'self' 'unsafe-inline';upgrade-insecure-requests",
      );
      expect(answer.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('exposes Prometheus metrics labelled by route template, which promtool accepts', async () => {
    await fetch(`${base}/api/v1/nothing-here/123`);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health\/ready",status_code="200"\} \d+/);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\}/);
    expect(text).not.toContain('nothing-here');
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toMatch(/queue_jobs\{queue="domain-events",state="waiting"\} 0/);
    expect(() => execFileSync('promtool', ['check', 'metrics'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] })).not.toThrow();
  });

  it('comes with a demo tenant to sign in to', async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@saler.local', password: 'saler-demo-password' }),
    });
    expect(login.status).toBe(200);
    expect(await json(login)).toMatchObject({ tenant: { slug: 'demo', role: 'owner' } });
  });

  it('writes one access line per request, with its tenant and actor once signed in, never its credentials', async () => {
    const login = await json<{ accessToken: string; tenant: { id: string } }>(
      fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'demo@saler.local', password: 'saler-demo-password' }) }),
    );
    const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${login.accessToken}`, 'x-request-id': 'access-me' } });
    expect(me.status).toBe(200);
    expect((await fetch(`${base}/api/v1/nowhere`, { headers: { 'x-request-id': 'access-404' } })).status).toBe(404);
    expect((await fetch(`${base}/health/live`, { headers: { 'x-request-id': 'access-live' } })).status).toBe(200);
    // Lines arrive in order: once the next request's line is in, the health check's would be too.
    expect((await fetch(`${base}/api/v1/nowhere`, { headers: { 'x-request-id': 'access-last' } })).status).toBe(404);
    const lines = await eventually(
      async () => api.logLines().filter((line) => String(line.requestId).startsWith('access-') && line.msg === 'request completed'),
      (found) => found.some((line) => line.requestId === 'access-last'),
    );
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, requestId: 'access-me', tenantId: login.tenant.id, actor: { type: 'user', id: expect.any(String) }, req: expect.objectContaining({ method: 'GET', url: '/api/v1/me' }), res: { statusCode: 200 }, responseTime: expect.any(Number) }),
      expect.objectContaining({ level: 40, requestId: 'access-404', req: expect.objectContaining({ url: '/api/v1/nowhere' }), res: { statusCode: 404 } }),
      expect.objectContaining({ level: 40, requestId: 'access-last' }),
    ]);
    expect(api.output()).not.toContain(login.accessToken);
  });

  it('shuts down gracefully on SIGTERM and exits 0', async () => {
    expect(await api.stop('SIGTERM')).toBe(0);
    expect(api.output()).toContain('SIGTERM received');
  });
});
