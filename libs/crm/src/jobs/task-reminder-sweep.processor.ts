import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, JOBS, QueueJob, QUEUES, ScheduledJob } from '@saler/platform';
import { SweepDueRemindersCommand } from '../commands/sweep-due-reminders/sweep-due-reminders.command';

export const REMINDER_SWEEP_EVERY_MS = 30_000;

/** Every 30 s: fires reminders whose delayed job was lost (the inline queue keeps nothing across a restart; Redis may be flushed). */
@Injectable()
@ScheduledJob(QUEUES.CRM, JOBS.TASK_REMINDER_SWEEP, REMINDER_SWEEP_EVERY_MS)
export class TaskReminderSweepProcessor implements JobHandler {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob): Promise<void> {
    await this.commandBus.execute(new SweepDueRemindersCommand(new Date(), job.data.requestId));
  }
}
