import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { JobHandler, JobProcessor, JOBS, QUEUE_CONSUMER_ENABLED, QUEUE_DRIVER, QueueDriver, QueueJob, QUEUES, SYSTEM_ACTOR } from '@saler/platform';
import { RescoreAllTenantsCommand } from '../commands/rescore-all-tenants/rescore-all-tenants.command';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Daily: rescores every tenant's leads, since days without activity lower a score with no event to trigger it. */
@Injectable()
@JobProcessor(QUEUES.CRM, JOBS.DAILY_RESCORE)
export class DailyRescoreProcessor implements JobHandler, OnApplicationBootstrap {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(QUEUE_CONSUMER_ENABLED) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.queue.schedule(QUEUES.CRM, JOBS.DAILY_RESCORE, DAY_MS, { tenantId: null, actor: SYSTEM_ACTOR, requestId: randomUUID(), payload: {} });
  }

  async process(job: QueueJob): Promise<void> {
    await this.commandBus.execute(new RescoreAllTenantsCommand(new Date().toISOString().slice(0, 10), job.data.requestId));
  }
}
