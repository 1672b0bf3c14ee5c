import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { json, NoteBody, OpenApiDocument, Problem } from '../support/http';
import { eventually, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';

jest.setTimeout(90_000);

/**
 * The real api bootstrap with the test-only notes routes, on SQLite and the inline queue: the HTTP
 * platform as a client meets it (validation, errors, deprecation, tenant-scoped reads and writes,
 * events relayed in-process after commit).
 */
describe('HTTP platform through tenant-scoped routes (SQLite, inline queue)', () => {
  let api: RunningProcess;
  let base: string;
  let dir: string;
  const tenantA = randomUUID();
  const tenantB = randomUUID();

  const post = (tenantId: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1/notes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant-id': tenantId, ...headers }, body: JSON.stringify(body) });
  const list = (tenantId: string) => json<NoteBody[]>(fetch(`${base}/api/v1/notes`, { headers: { 'x-tenant-id': tenantId } }));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saler-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { ts: 'test/support/notes-api.main.ts' }, env: { PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'saler.sqlite'), LOG_LEVEL: 'debug', CORS_ORIGINS: 'https://shop.example' } });
    await waitForReady(api, `${base}/health/ready`, 60_000);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates and lists notes per tenant; another tenant sees none of them', async () => {
    const created = await post(tenantA, { body: 'first' });
    expect(created.status).toBe(201);
    const note = await json<NoteBody>(created);
    expect(note).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/), body: 'first' });
    expect((await list(tenantA)).map((n) => n.id)).toEqual([note.id]);
    expect(await list(tenantB)).toEqual([]);
  });

  it('relays the domain event in-process after commit', async () => {
    const note = await json<NoteBody>(post(tenantA, { body: 'to relay' }));
    const notes = await eventually(
      () => list(tenantA),
      (all) => all.some((n) => n.id === note.id && n.relayedAt !== null),
    );
    expect(notes.find((n) => n.id === note.id)?.relayedAt).toEqual(expect.any(String));
  });

  it('answers validation errors with problem+json and one entry per field', async () => {
    const response = await post(tenantA, { body: 42 });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await json<Problem>(response);
    expect(problem).toMatchObject({ type: 'urn:saler:problem:validation', title: 'Bad Request', status: 400, instance: '/api/v1/notes' });
    expect(problem.errors).toEqual(expect.arrayContaining([{ field: 'body', message: 'body must be a string' }]));
  });

  it('rejects unknown properties', async () => {
    const problem = await json<Problem>(post(tenantA, { body: 'ok', isAdmin: true }));
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist' }]);
  });

  it('never leaks internals on an unexpected error', async () => {
    const response = await fetch(`${base}/api/v1/notes/boom`, { headers: { 'x-request-id': 'boom-1' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/secret_table|SELECT|at \w+ \(|\.ts:\d+/);
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: 'Internal Server Error', requestId: 'boom-1' });
    // The log keeps what the client must not see, correlated by request id.
    const logged = await eventually(
      async () => api.logLines().find((line) => line.requestId === 'boom-1' && line.level === 50 && line.err !== undefined),
      (line) => line !== undefined,
    );
    expect(JSON.stringify(logged)).toContain('secret_table');
  });

  it('marks a deprecated route with Deprecation, Sunset and a successor Link', async () => {
    const response = await fetch(`${base}/api/v1/notes/legacy`, { headers: { 'x-tenant-id': tenantA } });
    expect(response.status).toBe(200);
    expect(response.headers.get('deprecation')).toBe('@1767225600');
    expect(response.headers.get('sunset')).toBe('Fri, 01 Jan 2027 00:00:00 GMT');
    expect(response.headers.get('link')).toBe('</api/v1/notes>; rel="successor-version"');
    const document = await json<OpenApiDocument>(fetch(`${base}/docs-json`));
    expect(document.paths['/api/v1/notes/legacy'].get.deprecated).toBe(true);
    expect(document.paths['/api/v1/notes'].post.responses.default.content?.['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/ProblemDetails' });
  });

  it('allows CORS only from the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/api/v1/notes`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-tenant-id' } });
    const allowed = await preflight('https://shop.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${base}/health/live`, { headers: { origin: 'https://shop.example' } });
    expect(simple.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    // No Origin, no browser's cross-origin request: no CORS headers, but caches still key on Origin.
    const server = await fetch(`${base}/health/live`);
    expect([...server.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(server.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('logs JSON lines carrying the request id and tenant, and redacts credentials', async () => {
    await fetch(`${base}/api/v1/notes`, { headers: { 'x-tenant-id': tenantB, 'x-request-id': 'trace-me', authorization: 'Bearer super-secret-token' } });
    const line = await eventually(
      async () => api.logLines().find((entry) => entry.requestId === 'trace-me' && entry.msg === 'request completed'),
      (entry) => entry !== undefined,
    );
    expect(line).toMatchObject({ requestId: 'trace-me', req: { method: 'GET', url: '/api/v1/notes' }, res: { statusCode: 200 } });
    expect(api.output()).not.toContain('super-secret-token');
  });

  it('logs job lines with the request id and tenant of the request that caused them', async () => {
    const response = await post(tenantB, { body: 'traced' }, { 'x-request-id': 'job-trace-1' });
    expect(response.status).toBe(201);
    const jobLine = await eventually(
      async () => api.logLines().find((entry) => entry.requestId === 'job-trace-1' && String(entry.msg).includes('domain-events/note.created completed')),
      (entry) => entry !== undefined,
    );
    expect(jobLine).toMatchObject({ requestId: 'job-trace-1', tenantId: tenantB, actor: { type: 'user', id: null } });
  });
});
