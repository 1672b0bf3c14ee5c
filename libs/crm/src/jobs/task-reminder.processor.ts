import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES } from '@saler/platform';
import { FireTaskReminderCommand } from '../commands/fire-task-reminder/fire-task-reminder.command';
import { TaskReminderJob } from './schedule-task-reminder.event-handler';

/** A task's delayed reminder job → FireTaskReminderCommand (which fires at most once per reminder time). */
@Injectable()
@JobProcessor(QUEUES.CRM, JOBS.TASK_REMINDER)
export class TaskReminderProcessor implements JobHandler<TaskReminderJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<TaskReminderJob>): Promise<void> {
    await this.commandBus.execute(new FireTaskReminderCommand(jobContext(job), job.data.payload.taskId, new Date(job.data.payload.reminderAt)));
  }
}
