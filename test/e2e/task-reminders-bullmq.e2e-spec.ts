import IORedis from 'ioredis';
import { Client } from 'pg';
import { json } from '../support/http';
import { eventually, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { REDIS_URL, uniqueName } from '../support/services';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

interface Session {
  accessToken: string;
  user: { id: string };
}

interface TaskBody {
  id: string;
  dueAt: string;
  reminderAt: string | null;
  remindedAt: string | null;
}

interface LeadBody {
  id: string;
  score: number;
}

interface ReminderRow {
  occurred_at: Date;
  payload: { taskId: string; dueAt: string };
}

const PASSWORD = 'correct horse battery staple';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const inSeconds = (seconds: number, from = Date.now()) => new Date(from + seconds * 1000).toISOString();

/**
 * Task reminders in the production shape: the api and a separate worker on PostgreSQL (as
 * saler_app) and BullMQ on Redis, with a queue prefix of their own.
 */
describe('task reminders with BullMQ (black box, api + worker)', () => {
  let db: TestDatabase;
  let api: RunningProcess;
  let worker: RunningProcess;
  let base: string;
  let manager: Session;
  const prefix = uniqueName('rem');
  const shared = { REDIS_URL, QUEUE_PREFIX: prefix, HOST: '127.0.0.1', OUTBOX_POLL_INTERVAL_MS: '100' };

  const call = (method: string, path: string, token: string | undefined, body?: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const createTask = async (body: Record<string, unknown>): Promise<TaskBody> => {
    const response = await call('POST', '/tasks', manager.accessToken, body);
    expect(response.status).toBe(201);
    return json<TaskBody>(response);
  };
  const patchTask = async (id: string, body: Record<string, unknown>): Promise<TaskBody> => {
    const response = await call('PATCH', `/tasks/${id}`, manager.accessToken, body);
    expect(response.status).toBe(200);
    return json<TaskBody>(response);
  };
  const getTask = async (id: string): Promise<TaskBody | undefined> => (await json<{ data: TaskBody[] }>(call('GET', '/tasks?limit=200', manager.accessToken))).data.find((task) => task.id === id);
  const reminderRows = async (taskId: string): Promise<ReminderRow[]> => {
    const client = new Client({ connectionString: db.adminUrl });
    await client.connect();
    try {
      return (await client.query<ReminderRow>(`SELECT occurred_at, payload FROM outbox WHERE type = 'task.reminder_due' AND payload->>'taskId' = $1 ORDER BY occurred_at`, [taskId])).rows;
    } finally {
      await client.end();
    }
  };
  const startWorker = async (): Promise<RunningProcess> => {
    const metricsPort = await freePort();
    const started = startProcess({
      entry: { dist: 'apps/worker/src/main.js' },
      env: { ...shared, WORKER_METRICS_PORT: String(metricsPort), DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL },
    });
    await waitForReady(started, `http://127.0.0.1:${metricsPort}/health/ready`, 60_000);
    return started;
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const apiPort = await freePort();
    base = `http://127.0.0.1:${apiPort}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { ...shared, PORT: String(apiPort), DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL } });
    [worker] = await Promise.all([startWorker(), waitForReady(api, `${base}/health/ready`, 60_000)]);
    const owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Bull', tenantSlug: 'bull-shop', email: 'owner@bull.example', password: PASSWORD, name: 'Owner' }));
    const invitation = await json<{ token: string }>(call('POST', '/invitations', owner.accessToken, { email: 'manager@bull.example', role: 'manager' }));
    manager = await json<Session>(call('POST', '/invitations/accept', undefined, { token: invitation.token, name: 'Manager', password: PASSWORD }));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await worker?.stop('SIGKILL');
    await db?.drop();
    const redis = new IORedis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it('fires the reminder of a task edited twice exactly once, at the final time', async () => {
    const t0 = Date.now();
    const task = await createTask({ title: 'Edited twice', dueAt: inSeconds(3, t0), reminderOffsetMinutes: 0 });
    await patchTask(task.id, { dueAt: inSeconds(5, t0) });
    const finalDue = inSeconds(7, t0);
    expect(await patchTask(task.id, { dueAt: finalDue })).toMatchObject({ reminderAt: finalDue, remindedAt: null });
    expect(Date.now() - t0).toBeLessThan(2500);

    await sleep(t0 + 6000 - Date.now());
    expect(await reminderRows(task.id)).toEqual([]);
    await sleep(t0 + 10_000 - Date.now());
    const rows = await reminderRows(task.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].occurred_at.getTime()).toBeGreaterThanOrEqual(Date.parse(finalDue));
    expect(rows[0].payload).toMatchObject({ taskId: task.id, dueAt: finalDue });
    const after = await getTask(task.id);
    expect(after?.remindedAt).not.toBeNull();
    expect(Date.parse(after?.remindedAt as string)).toBeGreaterThanOrEqual(Date.parse(finalDue));
  });

  it('still fires exactly once when the worker is killed right after the task is created', async () => {
    const t0 = Date.now();
    const task = await createTask({ title: 'Survives a crash', dueAt: inSeconds(6, t0), reminderOffsetMinutes: 0 });
    await worker.stop('SIGKILL');
    worker = await startWorker();
    // On time when the delayed job survived in Redis; the sweeper (every 30 s) is the backstop otherwise.
    const rows = await eventually(
      () => reminderRows(task.id),
      (found) => found.length > 0,
      45_000,
    );
    expect(rows[0].occurred_at.getTime()).toBeGreaterThanOrEqual(Date.parse(task.reminderAt as string));
    await sleep(2000);
    expect(await reminderRows(task.id)).toHaveLength(1);
    expect((await getTask(task.id))?.remindedAt).not.toBeNull();
  });

  it('scores a new lead through BullMQ too (score jobs are CRM queue jobs like reminders)', async () => {
    const response = await call('POST', '/leads', manager.accessToken, { title: 'Scored on Redis', contact: { name: 'Rae', email: 'rae@bull.example', phone: '+14155552671' } });
    expect(response.status).toBe(201);
    const lead = await json<LeadBody>(response);
    const scored = await eventually(
      () => json<LeadBody>(call('GET', `/leads/${lead.id}`, manager.accessToken)),
      (current) => current.score !== 0,
      10_000,
    ).catch(() => undefined);
    // What went wrong, if anything: the worker's log lines about failed domain-event jobs.
    const failures = worker
      .output()
      .split('\n')
      .filter((line) => line.includes('Custom Id cannot contain'))
      .slice(0, 1)
      .map((line) => line.slice(0, 400));
    expect({ score: scored?.score, failures }).toEqual({ score: 33, failures: [] });
  });
});
