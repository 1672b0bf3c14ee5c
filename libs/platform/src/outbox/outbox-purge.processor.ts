import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobHandler, ScheduledJob } from '../queue/job-processor.decorator';
import { JOBS, QUEUES } from '../queue/queue.constants';
import { PurgePublishedOutboxCommand } from './commands/purge-published-outbox/purge-published-outbox.command';

const HOUR_MS = 60 * 60 * 1000;

/** Hourly: purges outbox rows published longer ago than OUTBOX_RETENTION_HOURS. */
@Injectable()
@ScheduledJob(QUEUES.MAINTENANCE, JOBS.OUTBOX_PURGE, HOUR_MS)
export class OutboxPurgeProcessor implements JobHandler {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(): Promise<void> {
    await this.commandBus.execute(new PurgePublishedOutboxCommand(new Date(Date.now() - this.config.outbox.retentionHours * HOUR_MS)));
  }
}
