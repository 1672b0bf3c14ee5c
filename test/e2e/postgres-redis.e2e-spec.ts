import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { json, NoteBody, Problem } from '../support/http';
import { REDIS_URL, uniqueName } from '../support/services';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { eventually, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { TcpProxy } from '../support/tcp-proxy';

jest.setTimeout(120_000);

/**
 * Production shape: the api and a separate worker, on PostgreSQL (as saler_app, through a TCP
 * proxy the test can cut) and BullMQ on Redis.
 */
describe('api + worker on PostgreSQL and Redis (black box)', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let api: RunningProcess;
  let worker: RunningProcess;
  let base: string;
  let workerBase: string;
  const tenantA = randomUUID();
  const tenantB = randomUUID();

  const post = (tenantId: string, body: string) =>
    fetch(`${base}/api/v1/notes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant-id': tenantId }, body: JSON.stringify({ body }) });
  const list = (tenantId: string) => json<NoteBody[]>(fetch(`${base}/api/v1/notes`, { headers: { 'x-tenant-id': tenantId } }));

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const pgPort = Number(new URL(db.env.DATABASE_URL).port || 5432);
    proxy = new TcpProxy(pgPort, await freePort());
    await proxy.up();
    const appUrl = new URL(db.env.DATABASE_URL);
    appUrl.port = String(proxy.port);
    const shared = { REDIS_URL, QUEUE_PREFIX: uniqueName('e2e'), HOST: '127.0.0.1', LOG_LEVEL: 'debug', OUTBOX_POLL_INTERVAL_MS: '100' };
    const [apiPort, metricsPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${apiPort}`;
    workerBase = `http://127.0.0.1:${metricsPort}`;
    api = startProcess({ entry: { ts: 'test/support/notes-api.main.ts' }, env: { ...shared, PORT: String(apiPort), DATABASE_URL: appUrl.toString() } });
    worker = startProcess({
      entry: { ts: 'test/support/notes-worker.main.ts' },
      env: { ...shared, WORKER_METRICS_PORT: String(metricsPort), DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL },
    });
    await Promise.all([waitForReady(api, `${base}/health/ready`, 60_000), waitForReady(worker, `${workerBase}/health/ready`, 60_000)]);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await worker?.stop('SIGKILL');
    await proxy?.down();
    await db?.drop();
  });

  it('reports database and Redis in readiness', async () => {
    expect(await (await fetch(`${base}/health/ready`)).json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('keeps tenants apart through the api', async () => {
    expect((await post(tenantA, 'a')).status).toBe(201);
    expect((await post(tenantB, 'b')).status).toBe(201);
    expect((await list(tenantA)).map((n) => n.body)).toEqual(['a']);
    expect((await list(tenantB)).map((n) => n.body)).toEqual(['b']);
  });

  it('relays events through the outbox and BullMQ to the worker, which handles them after commit', async () => {
    const note = await json<NoteBody>(post(tenantA, 'for the worker'));
    await eventually(
      () => list(tenantA),
      (notes) => notes.some((n) => n.id === note.id && n.relayedAt !== null),
    );
    const jobLine = worker.logLines().find((line) => String(line.msg).includes('domain-events/note.created completed') && line.tenantId === tenantA);
    expect(jobLine).toBeDefined();
    const metrics = await (await fetch(`${workerBase}/metrics`)).text();
    expect(metrics).toMatch(/queue_jobs_processed_total\{queue="domain-events",name="note.created",outcome="completed"\} [1-9]/);
    expect(metrics).toMatch(/outbox_events_relayed_total [1-9]/);
    expect(metrics).toMatch(/db_pool_connections\{pool="system",state="total"\}/);
    expect(() => execFileSync('promtool', ['check', 'metrics'], { input: metrics, stdio: ['pipe', 'pipe', 'pipe'] })).not.toThrow();
  });

  it('turns readiness to 503 problem+json while the database is gone, and back to 200 without a restart', async () => {
    await proxy.down();
    const down = await eventually(
      () => fetch(`${base}/health/ready`),
      (response) => response.status === 503,
    );
    expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await json<Problem>(down)).toMatchObject({ status: 503, type: 'urn:saler:problem:not-ready', checks: { database: { status: 'down' }, redis: { status: 'up' } } });
    await proxy.up();
    await eventually(
      () => fetch(`${base}/health/ready`),
      (response) => response.status === 200,
    );
    expect((await post(tenantB, 'after the outage')).status).toBe(201);
  });

  it('stops the worker gracefully on SIGTERM with exit code 0', async () => {
    expect(await worker.stop('SIGTERM')).toBe(0);
    expect(api.child.exitCode).toBeNull();
  });
});
