import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SYSTEM_ACTOR } from '../context/tenant-context';
import { JobHandler, JobProcessor } from '../queue/job-processor.decorator';
import { JOBS, QUEUES } from '../queue/queue.constants';
import { QUEUE_CONSUMER_ENABLED } from '../queue/queue-consumer';
import { QUEUE_DRIVER, QueueDriver } from '../queue/queue-driver';
import { PurgePublishedOutboxCommand } from './commands/purge-published-outbox/purge-published-outbox.command';

const HOUR_MS = 60 * 60 * 1000;

/** Hourly: purges outbox rows published longer ago than OUTBOX_RETENTION_HOURS. */
@Injectable()
@JobProcessor(QUEUES.MAINTENANCE, JOBS.OUTBOX_PURGE)
export class OutboxPurgeProcessor implements JobHandler, OnApplicationBootstrap {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(QUEUE_CONSUMER_ENABLED) private readonly enabled: boolean,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.queue.schedule(QUEUES.MAINTENANCE, JOBS.OUTBOX_PURGE, HOUR_MS, { tenantId: null, actor: SYSTEM_ACTOR, requestId: randomUUID(), payload: {} });
  }

  async process(): Promise<void> {
    await this.commandBus.execute(new PurgePublishedOutboxCommand(new Date(Date.now() - this.config.outbox.retentionHours * HOUR_MS)));
  }
}
