import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { JobHandler, JobProcessor, JOBS, QUEUE_CONSUMER_ENABLED, QUEUE_DRIVER, QueueDriver, QueueJob, QUEUES, SYSTEM_ACTOR } from '@saler/platform';
import { SweepDueRemindersCommand } from '../commands/sweep-due-reminders/sweep-due-reminders.command';

export const REMINDER_SWEEP_EVERY_MS = 30_000;

/** Every 30 s: fires reminders whose delayed job was lost (the inline queue keeps nothing across a restart; Redis may be flushed). */
@Injectable()
@JobProcessor(QUEUES.CRM, JOBS.TASK_REMINDER_SWEEP)
export class TaskReminderSweepProcessor implements JobHandler, OnApplicationBootstrap {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(QUEUE_CONSUMER_ENABLED) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.queue.schedule(QUEUES.CRM, JOBS.TASK_REMINDER_SWEEP, REMINDER_SWEEP_EVERY_MS, { tenantId: null, actor: SYSTEM_ACTOR, requestId: randomUUID(), payload: {} });
  }

  async process(job: QueueJob): Promise<void> {
    await this.commandBus.execute(new SweepDueRemindersCommand(new Date(), job.data.requestId));
  }
}
