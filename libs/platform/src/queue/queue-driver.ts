import { Actor, TenantContext } from '../context/tenant-context';
import { QueueName } from './queue.constants';

/** What every job carries: who, for which tenant (null for cross-tenant system jobs), and the request it came from. */
export interface JobEnvelope<P = unknown> {
  tenantId: string | null;
  actor: Actor;
  requestId: string;
  payload: P;
}

export interface JobOptions {
  /** Deduplicates: a job whose id is already known is not added again. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
  /** Base of the exponential backoff between attempts. */
  backoffMs?: number;
}

export interface QueueJob<P = unknown> {
  id: string;
  queue: QueueName;
  name: string;
  data: JobEnvelope<P>;
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
}

export interface BulkJob {
  name: string;
  data: JobEnvelope;
  opts?: JobOptions;
}

export type JobRunner = (job: QueueJob) => Promise<void>;

/** The one interface producers and consumers use; `bullmq` (Redis) or `inline` (in-process) stands behind it. */
export interface QueueDriver {
  readonly kind: 'bullmq' | 'inline';
  add(queue: QueueName, name: string, data: JobEnvelope, opts?: JobOptions): Promise<void>;
  addBulk(queue: QueueName, jobs: BulkJob[]): Promise<void>;
  /** A repeatable job; scheduling the same (queue, name) again replaces the interval. */
  schedule(queue: QueueName, name: string, everyMs: number, data: JobEnvelope): Promise<void>;
  /** Starts consuming a queue. */
  work(queue: QueueName, runner: JobRunner, concurrency: number): void;
  /** Jobs waiting, delayed and active, per queue (for metrics). */
  counts(queue: QueueName): Promise<Record<'waiting' | 'active' | 'delayed' | 'failed', number>>;
  ping(): Promise<void>;
  /** Stops taking jobs and waits for the active ones to finish. */
  close(): Promise<void>;
}

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');

/** The TenantContext a tenant job's processor hands to its command. */
export function jobContext(job: QueueJob): TenantContext {
  if (job.data.tenantId === null) throw new Error(`Job ${job.queue}/${job.name} ${job.id} carries no tenant`);
  return { tenantId: job.data.tenantId, actor: job.data.actor, requestId: job.data.requestId };
}

export function backoffDelay(attempt: number, baseMs: number): number {
  return baseMs * 2 ** (attempt - 1);
}
