import { readFileSync } from 'node:fs';
import { freePort, RunningProcess, startProcess, waitForReady } from '../../test/support/processes';
import { REDIS_URL, uniqueName } from '../../test/support/services';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';

/** The api (real bootstrap + test-only notes routes) and the worker, on a fresh PostgreSQL database as saler_app, and Redis. */
export interface Stack {
  base: string;
  api: RunningProcess;
  worker: RunningProcess;
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

export async function startStack(): Promise<Stack> {
  const db: TestDatabase = await createTestDatabase('postgres');
  const [port, metricsPort] = [await freePort(), await freePort()];
  const shared = {
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    REDIS_URL,
    QUEUE_PREFIX: uniqueName('bench'),
    DATABASE_URL: db.env.DATABASE_URL,
  };
  const api = startProcess({ entry: { harness: 'test/support/notes-api.main.js' }, env: { ...shared, PORT: String(port) } });
  const worker = startProcess({
    entry: { harness: 'test/support/notes-worker.main.js' },
    env: { ...shared, WORKER_METRICS_PORT: String(metricsPort), DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL },
  });
  const base = `http://127.0.0.1:${port}`;
  await Promise.all([waitForReady(api, `${base}/health/ready`, 90_000), waitForReady(worker, `http://127.0.0.1:${metricsPort}/health/ready`, 90_000)]);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.child.pid))), 200);
  return {
    base,
    api,
    worker,
    peakApiRssMb: () => Math.max(peak, rssMb(api.child.pid)),
    resetRss: () => (peak = 0),
    stop: async () => {
      clearInterval(sampler);
      await Promise.all([api.stop('SIGTERM'), worker.stop('SIGTERM')]);
      await db.drop();
    },
  };
}
