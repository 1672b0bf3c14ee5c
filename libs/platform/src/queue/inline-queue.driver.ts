import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DEFAULT_BACKOFF_MS, DEFAULT_JOB_ATTEMPTS, QueueName } from './queue.constants';
import { backoffDelay, BulkJob, JobEnvelope, JobOptions, JobRunner, QueueDriver, QueueJob } from './queue-driver';

interface Consumer {
  runner: JobRunner;
  concurrency: number;
  active: number;
}

interface PendingJob {
  job: QueueJob;
  backoffMs: number;
}

/** How long a finished job's id keeps deduplicating, as BullMQ's removeOnComplete age does. */
const DEDUPE_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_REMEMBERED_IDS = 100_000;

/**
 * The embedded queue: jobs run in this process, with the same contract as BullMQ (job id
 * dedupe, delays, attempts with exponential backoff, concurrency per queue, graceful close).
 * Nothing survives a restart; that is what Redis is for.
 */
export class InlineQueueDriver implements QueueDriver {
  readonly kind = 'inline' as const;
  private readonly logger = new Logger('InlineQueue');
  private readonly consumers = new Map<QueueName, Consumer>();
  private readonly ready = new Map<QueueName, PendingJob[]>();
  private readonly delayed = new Map<QueueName, Set<NodeJS.Timeout>>();
  private readonly failed = new Map<QueueName, number>();
  private readonly knownIds = new Map<string, number>();
  private readonly repeaters = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  async add(queue: QueueName, name: string, data: JobEnvelope, opts: JobOptions = {}): Promise<void> {
    if (this.closed) throw new Error('The queue is closed');
    // BullMQ refuses custom ids with colons (its key separator); refuse them here too, so the inline driver hides nothing.
    if (opts.jobId?.includes(':')) throw new Error('Custom Id cannot contain :');
    const id = opts.jobId ?? randomUUID();
    const key = `${queue}/${id}`;
    const seen = this.knownIds.get(key);
    if (seen !== undefined && Date.now() - seen < DEDUPE_WINDOW_MS) return;
    this.remember(key);
    const job: QueueJob = { id, queue, name, data, attempt: 1, maxAttempts: opts.attempts ?? DEFAULT_JOB_ATTEMPTS };
    this.enqueue({ job, backoffMs: opts.backoffMs ?? DEFAULT_BACKOFF_MS }, opts.delayMs ?? 0);
  }

  async addBulk(queue: QueueName, jobs: BulkJob[]): Promise<void> {
    for (const job of jobs) await this.add(queue, job.name, job.data, job.opts);
  }

  async schedule(queue: QueueName, name: string, everyMs: number, data: JobEnvelope): Promise<void> {
    const key = `${queue}/${name}`;
    clearInterval(this.repeaters.get(key));
    const timer = setInterval(() => void this.add(queue, name, data).catch(() => undefined), everyMs);
    timer.unref();
    this.repeaters.set(key, timer);
  }

  work(queue: QueueName, runner: JobRunner, concurrency: number): void {
    if (this.consumers.has(queue)) throw new Error(`Queue ${queue} already has a consumer`);
    this.consumers.set(queue, { runner, concurrency, active: 0 });
    this.drain(queue);
  }

  async counts(queue: QueueName): Promise<Record<'waiting' | 'active' | 'delayed' | 'failed', number>> {
    return {
      waiting: this.ready.get(queue)?.length ?? 0,
      active: this.consumers.get(queue)?.active ?? 0,
      delayed: this.delayed.get(queue)?.size ?? 0,
      failed: this.failed.get(queue) ?? 0,
    };
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The queue is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.repeaters.values()) clearInterval(timer);
    for (const timers of this.delayed.values()) for (const timer of timers) clearTimeout(timer);
    this.delayed.clear();
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private remember(key: string): void {
    if (this.knownIds.size >= MAX_REMEMBERED_IDS) {
      const oldest = this.knownIds.keys().next().value;
      if (oldest !== undefined) this.knownIds.delete(oldest);
    }
    this.knownIds.set(key, Date.now());
  }

  private enqueue(pending: PendingJob, delayMs: number): void {
    const queue = pending.job.queue;
    if (delayMs <= 0) {
      const list = this.ready.get(queue) ?? [];
      list.push(pending);
      this.ready.set(queue, list);
      this.drain(queue);
      return;
    }
    const timers = this.delayed.get(queue) ?? new Set<NodeJS.Timeout>();
    this.delayed.set(queue, timers);
    const timer = setTimeout(() => {
      timers.delete(timer);
      this.enqueue(pending, 0);
    }, delayMs);
    timers.add(timer);
  }

  private drain(queue: QueueName): void {
    const consumer = this.consumers.get(queue);
    const list = this.ready.get(queue);
    if (consumer === undefined || list === undefined || this.closed) return;
    while (consumer.active < consumer.concurrency && list.length > 0) {
      const pending = list.shift() as PendingJob;
      consumer.active += 1;
      // Run on a later tick, after the producer's own work (and its commit) has finished.
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => consumer.runner(pending.job))
        .catch((error: unknown) => this.retryOrFail(pending, error))
        .finally(() => {
          consumer.active -= 1;
          this.running.delete(run);
          this.drain(queue);
        });
      this.running.add(run);
    }
  }

  private retryOrFail(pending: PendingJob, error: unknown): void {
    const { job } = pending;
    if (job.attempt < job.maxAttempts && !this.closed) {
      this.enqueue({ ...pending, job: { ...job, attempt: job.attempt + 1 } }, backoffDelay(job.attempt, pending.backoffMs));
      return;
    }
    this.failed.set(job.queue, (this.failed.get(job.queue) ?? 0) + 1);
    this.logger.error(`Job ${job.queue}/${job.name} ${job.id} failed after ${job.attempt} attempts: ${(error as Error).message}`);
  }
}
