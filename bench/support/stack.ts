import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import IORedis from 'ioredis';
import { AppConfig, loadConfig, SchemaManifest } from '@saler/platform';
import { freePort, RunningProcess, startProcess, waitForReady } from '../../test/support/processes';
import { REDIS_URL, uniqueName } from '../../test/support/services';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';

/** The api (real bootstrap + test-only notes routes) and the worker, on a fresh PostgreSQL database as saler_app, and Redis. */
export interface Stack {
  base: string;
  /** The database owner's URL (PostgreSQL superuser here): bypasses RLS, for seeding in bulk. */
  ownerUrl: string;
  /** How jobs run in this stack. */
  queue: string;
  /** The api's configuration, logs silenced: DATABASE_URL logs in as saler_app, so an in-process application context built on it meets RLS as the api does. */
  config: AppConfig;
  /** The schema the api runs (see test/support/test-schema.ts). */
  schema: SchemaManifest;
  api: RunningProcess;
  worker: RunningProcess;
  /** CPU time (user + system, seconds) the api process has used so far. */
  apiCpuSeconds(): number;
  /** The same for the worker process. */
  workerCpuSeconds(): number;
  /** Highest api RSS (MB) sampled since the last reset. */
  peakApiRssMb(): number;
  resetRss(): void;
  stop(): Promise<void>;
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** utime + stime of /proc/<pid>/stat, in clock ticks (100 a second on Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Deletes the BullMQ keys of one run (its QUEUE_PREFIX). */
async function dropQueueKeys(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface StackOptions {
  /** Extra environment for the api and the worker (e.g. rate limits). */
  env?: Record<string, string>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const db: TestDatabase = await createTestDatabase('postgres');
  const [port, metricsPort] = [await freePort(), await freePort()];
  const shared = {
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    // Production requires one: it seals channel credentials.
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    REDIS_URL,
    QUEUE_PREFIX: uniqueName('bench'),
    DATABASE_URL: db.env.DATABASE_URL,
    DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL,
    ...options.env,
  };
  const api = startProcess({ entry: { harness: 'test/support/notes-api.main.js' }, env: { ...shared, PORT: String(port) } });
  const worker = startProcess({
    entry: { harness: 'test/support/notes-worker.main.js' },
    env: { ...shared, WORKER_METRICS_PORT: String(metricsPort), DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await Promise.all([waitForReady(api, `${base}/health/ready`, 90_000), waitForReady(worker, `http://127.0.0.1:${metricsPort}/health/ready`, 90_000)]);
  } catch (error) {
    await Promise.all([api.stop('SIGTERM'), worker.stop('SIGTERM')]);
    await db.drop();
    await dropQueueKeys(shared.QUEUE_PREFIX);
    throw error;
  }
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.child.pid))), 200);
  return {
    base,
    ownerUrl: db.adminUrl ?? db.env.DATABASE_SYSTEM_URL,
    queue: 'BullMQ on Redis, processed by a separate worker process',
    config: loadConfig({ ...shared, LOG_LEVEL: 'silent' }),
    schema: db.schema,
    api,
    worker,
    apiCpuSeconds: () => cpuSeconds(api.child.pid),
    workerCpuSeconds: () => cpuSeconds(worker.child.pid),
    peakApiRssMb: () => Math.max(peak, rssMb(api.child.pid)),
    resetRss: () => (peak = 0),
    stop: async () => {
      clearInterval(sampler);
      await Promise.all([api.stop('SIGTERM'), worker.stop('SIGTERM')]);
      if (process.env.BENCH_KEEP_DB) process.stdout.write(`kept ${db.adminUrl}\n`);
      else await db.drop();
      await dropQueueKeys(shared.QUEUE_PREFIX);
    },
  };
}
