import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { ClsService } from 'nestjs-cls';
import { randomUUID } from 'node:crypto';
import type { Counter, Histogram } from 'prom-client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestContextStore } from '../context/request-context';
import { SYSTEM_ACTOR } from '../context/tenant-context';
import { METRICS } from '../metrics/metric-names';
import { JOB_PROCESSOR, JobHandler, JobProcessorMetadata } from './job-processor.decorator';
import { QueueName, QUEUES } from './queue.constants';
import { QUEUE_DRIVER, QueueDriver, QueueJob } from './queue-driver';

export const QUEUE_CONSUMER_ENABLED = Symbol('QUEUE_CONSUMER_ENABLED');

/**
 * Finds every @JobProcessor and consumes its queue, when this process is a consumer (the worker,
 * or the api on the inline driver). Each job runs in its own CLS context carrying the job's
 * request id, tenant and actor, so every log line of the job is correlated.
 */
@Injectable()
export class QueueConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(QueueConsumer.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly cls: ClsService<RequestContextStore>,
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(QUEUE_CONSUMER_ENABLED) private readonly enabled: boolean,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectMetric(METRICS.JOBS_TOTAL) private readonly jobsTotal: Counter<'queue' | 'name' | 'outcome'>,
    @InjectMetric(METRICS.JOB_DURATION) private readonly jobDuration: Histogram<'queue' | 'name'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const byQueue = new Map<QueueName, { jobs: string[]; handler: JobHandler }[]>();
    const schedules: JobProcessorMetadata[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as JobHandler | undefined;
      if (!instance || !wrapper.metatype) continue;
      const meta = Reflect.getMetadata(JOB_PROCESSOR, wrapper.metatype) as JobProcessorMetadata | undefined;
      if (meta === undefined) continue;
      const list = byQueue.get(meta.queue) ?? [];
      list.push({ jobs: meta.jobs, handler: instance });
      byQueue.set(meta.queue, list);
      if (meta.everyMs !== undefined) schedules.push(meta);
    }
    for (const [queue, processors] of byQueue) {
      const { concurrency, conversationsConcurrency } = this.config.queue;
      this.driver.work(queue, (job) => this.run(job, processors), queue === QUEUES.CONVERSATIONS ? conversationsConcurrency : concurrency);
    }
    for (const { queue, jobs, everyMs } of schedules) {
      await this.driver.schedule(queue, jobs[0], everyMs as number, { tenantId: null, actor: SYSTEM_ACTOR, requestId: randomUUID(), payload: {} });
    }
  }

  private async run(job: QueueJob, processors: { jobs: string[]; handler: JobHandler }[]): Promise<void> {
    const processor = processors.find((candidate) => candidate.jobs.length === 0 || candidate.jobs.includes(job.name));
    if (processor === undefined) throw new Error(`No processor for job ${job.name} on queue ${job.queue}`);
    const stopTimer = this.jobDuration.startTimer({ queue: job.queue, name: job.name });
    await this.cls.run(async () => {
      this.cls.set('requestId', job.data.requestId);
      if (job.data.tenantId !== null) this.cls.set('tenantId', job.data.tenantId);
      this.cls.set('actor', job.data.actor);
      try {
        await processor.handler.process(job);
        this.jobsTotal.inc({ queue: job.queue, name: job.name, outcome: 'completed' });
        this.logger.debug({ jobId: job.id, attempt: job.attempt }, `Job ${job.queue}/${job.name} completed`);
      } catch (error) {
        const outcome = job.attempt < job.maxAttempts ? 'retried' : 'failed';
        this.jobsTotal.inc({ queue: job.queue, name: job.name, outcome });
        this.logger.warn({ err: error, jobId: job.id, attempt: job.attempt, maxAttempts: job.maxAttempts }, `Job ${job.queue}/${job.name} ${outcome}`);
        throw error;
      } finally {
        stopTimer();
      }
    });
  }
}
