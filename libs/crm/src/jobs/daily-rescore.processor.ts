import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, JOBS, QueueJob, QUEUES, ScheduledJob } from '@saler/platform';
import { RescoreAllTenantsCommand } from '../commands/rescore-all-tenants/rescore-all-tenants.command';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Daily: rescores every tenant's leads, since days without activity lower a score with no event to trigger it. */
@Injectable()
@ScheduledJob(QUEUES.CRM, JOBS.DAILY_RESCORE, DAY_MS)
export class DailyRescoreProcessor implements JobHandler {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob): Promise<void> {
    await this.commandBus.execute(new RescoreAllTenantsCommand(new Date().toISOString().slice(0, 10), job.data.requestId));
  }
}
