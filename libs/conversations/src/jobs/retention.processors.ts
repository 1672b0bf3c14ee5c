import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES, ScheduledJob } from '@saler/platform';
import { PurgeStaleConversationsCommand } from '../commands/purge-stale-conversations/purge-stale-conversations.command';
import { SweepRetentionCommand } from '../commands/sweep-retention/sweep-retention.command';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Daily: a retention job per tenant with conversations. */
@Injectable()
@ScheduledJob(QUEUES.CONVERSATIONS, JOBS.CONVERSATION_RETENTION, DAY_MS)
export class DailyRetentionProcessor implements JobHandler {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob): Promise<void> {
    await this.commandBus.execute(new SweepRetentionCommand(new Date().toISOString().slice(0, 10), job.data.requestId));
  }
}

@Injectable()
@JobProcessor(QUEUES.CONVERSATIONS, JOBS.TENANT_RETENTION)
export class TenantRetentionProcessor implements JobHandler {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob): Promise<void> {
    await this.commandBus.execute(new PurgeStaleConversationsCommand(jobContext(job), new Date()));
  }
}
