import { abilityOf, assertCan, Caller, TenantTx } from '@saler/platform';
import { notFound } from '../domain/crm-problems';
import { Task } from '../domain/task.entity';
import { TaskScheduled } from '../events/task-scheduled.event';

export async function loadTask(tx: TenantTx, id: string): Promise<Task> {
  const task = await tx.repository(Task).findOne({ id });
  if (task === null) throw notFound('task');
  return task;
}

/** A task the caller may change: managers and above any, agents their own (403 otherwise). */
export async function loadTaskToChange(tx: TenantTx, id: string, caller: Caller): Promise<Task> {
  const task = await loadTask(tx, id);
  assertCan(abilityOf(tx, caller), 'update', 'Task', { assigneeId: task.assigneeId });
  return task;
}

/** Announces a task's (new) reminder time; the worker turns it into a delayed job after commit. */
export function announceSchedule(tx: TenantTx, task: Pick<Task, 'id' | 'version' | 'reminderAt' | 'status'>): void {
  const reminderAt = task.status === 'open' ? (task.reminderAt?.toISOString() ?? null) : null;
  tx.publish(new TaskScheduled(tx.context, { taskId: task.id, version: task.version, reminderAt }));
}
