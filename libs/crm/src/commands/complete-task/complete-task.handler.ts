import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { Task } from '../../domain/task.entity';
import { TaskCompleted } from '../../events/task-completed.event';
import { loadTask, loadTaskToChange } from '../task-store';
import { TaskView, toTaskView } from '../task.view';
import { CompleteTaskCommand } from './complete-task.command';

/** Marks a task done (idempotent: completing a done task changes nothing). A done task's reminder no longer fires. */
@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler extends TenantCommandHandler<CompleteTaskCommand, TaskView> {
  protected async handle(command: CompleteTaskCommand, tx: TenantTx): Promise<TaskView> {
    const task = await loadTaskToChange(tx, command.taskId, command.caller);
    if (task.status === 'done') return toTaskView(task);
    const now = new Date();
    await tx.repository(Task).update({ id: task.id }, { status: 'done', completedAt: now, version: task.version + 1, updatedAt: now });
    tx.publish(new TaskCompleted(tx.context, { taskId: task.id, leadId: task.leadId }));
    tx.audit({ action: 'task.completed', entityType: 'task', entityId: task.id, before: { status: 'open' }, after: { status: 'done' } });
    return toTaskView(await loadTask(tx, task.id));
  }
}
