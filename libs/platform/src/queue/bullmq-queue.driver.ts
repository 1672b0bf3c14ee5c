import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { DEFAULT_BACKOFF_MS, DEFAULT_JOB_ATTEMPTS, QueueName } from './queue.constants';
import { BulkJob, JobEnvelope, JobOptions, JobRunner, QueueDriver } from './queue-driver';

const DAY_SECONDS = 24 * 60 * 60;

/** The production queue: BullMQ on Redis. Queue and job names are Saler's constants; the prefix isolates deployments (and test runs). */
export class BullmqQueueDriver implements QueueDriver {
  readonly kind = 'bullmq' as const;
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly workerConnections: IORedis[] = [];

  constructor(
    redisUrl: string,
    private readonly prefix: string,
  ) {
    this.connection = new IORedis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    // Connection errors surface through ping() and readiness; ioredis reconnects on its own.
    this.connection.on('error', () => undefined);
  }

  async add(queue: QueueName, name: string, data: JobEnvelope, opts: JobOptions = {}): Promise<void> {
    await this.queue(queue).add(name, data, this.options(opts));
  }

  async addBulk(queue: QueueName, jobs: BulkJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(queue).addBulk(jobs.map((job) => ({ name: job.name, data: job.data, opts: this.options(job.opts ?? {}) })));
  }

  async schedule(queue: QueueName, name: string, everyMs: number, data: JobEnvelope): Promise<void> {
    await this.queue(queue).upsertJobScheduler(name, { every: everyMs }, { name, data, opts: this.options({}) });
  }

  work(queue: QueueName, runner: JobRunner, concurrency: number): void {
    const connection = this.connection.duplicate({ maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    this.workerConnections.push(connection);
    const worker = new Worker(
      queue,
      async (job) =>
        runner({
          id: job.id as string,
          queue,
          name: job.name,
          data: job.data as JobEnvelope,
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
        }),
      { connection, prefix: this.prefix, concurrency },
    );
    worker.on('error', () => undefined);
    this.workers.push(worker);
  }

  async counts(queue: QueueName): Promise<Record<'waiting' | 'active' | 'delayed' | 'failed', number>> {
    const counts = await this.queue(queue).getJobCounts('waiting', 'active', 'delayed', 'failed');
    return { waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 };
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await Promise.all([this.connection, ...this.workerConnections].map((connection) => connection.quit().catch(() => undefined)));
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (queue === undefined) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private options(opts: JobOptions) {
    return {
      jobId: opts.jobId,
      delay: opts.delayMs,
      attempts: opts.attempts ?? DEFAULT_JOB_ATTEMPTS,
      backoff: { type: 'exponential' as const, delay: opts.backoffMs ?? DEFAULT_BACKOFF_MS },
      removeOnComplete: { age: DAY_SECONDS, count: 50_000 },
      removeOnFail: { age: 7 * DAY_SECONDS },
    };
  }
}
