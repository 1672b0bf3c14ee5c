import { Inject, Injectable } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { JOBS, QUEUE_DRIVER, QueueDriver, QUEUES } from '@saler/platform';
import { reminderJobId } from '../domain/task-reminder';
import { TaskScheduled } from '../events/task-scheduled.event';

export interface TaskReminderJob {
  taskId: string;
  reminderAt: string;
}

/** After a task is created or rescheduled (and committed), puts a delayed job at its reminder time. */
@Injectable()
@EventsHandler(TaskScheduled)
export class ScheduleTaskReminderOnTaskScheduled implements IEventHandler<TaskScheduled> {
  constructor(@Inject(QUEUE_DRIVER) private readonly queue: QueueDriver) {}

  async handle(event: TaskScheduled): Promise<void> {
    if (event.payload.reminderAt === null) return;
    const reminderAt = new Date(event.payload.reminderAt);
    const data: TaskReminderJob = { taskId: event.payload.taskId, reminderAt: event.payload.reminderAt };
    await this.queue.add(QUEUES.CRM, JOBS.TASK_REMINDER, { tenantId: event.context.tenantId, actor: event.context.actor, requestId: event.context.requestId, payload: data }, {
      jobId: reminderJobId(event.payload.taskId, event.payload.version),
      delayMs: Math.max(0, reminderAt.getTime() - Date.now()),
    });
  }
}
