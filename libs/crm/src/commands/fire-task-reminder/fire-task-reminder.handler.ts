import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { IsNull } from 'typeorm';
import { Task } from '../../domain/task.entity';
import { TaskReminderDue } from '../../events/task-reminder-due.event';
import { FireTaskReminderCommand } from './fire-task-reminder.command';

/**
 * Exactly once: the conditional UPDATE (still open, still this reminder time, not yet reminded)
 * and the outbox row of task.reminder_due commit together. A delayed job, a retried job, the
 * sweeper and a restarted worker may all try; only one UPDATE matches.
 */
@CommandHandler(FireTaskReminderCommand)
export class FireTaskReminderHandler extends TenantCommandHandler<FireTaskReminderCommand, boolean> {
  protected async handle(command: FireTaskReminderCommand, tx: TenantTx): Promise<boolean> {
    const fired = await tx.repository(Task).update({ id: command.taskId, status: 'open', reminderAt: command.reminderAt, remindedAt: IsNull() }, { remindedAt: new Date() });
    if (fired !== 1) return false;
    const task = (await tx.repository(Task).findOne({ id: command.taskId })) as Task;
    tx.publish(
      new TaskReminderDue(tx.context, { taskId: task.id, title: task.title, leadId: task.leadId, assigneeId: task.assigneeId, dueAt: task.dueAt.toISOString() }),
    );
    return true;
  }
}
