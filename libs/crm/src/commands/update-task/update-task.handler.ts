import { requireActiveMember } from '@saler/identity';
import { CommandHandler, QueryBus } from '@nestjs/cqrs';
import { abilityOf, assertCan, refuseNulls, TenantCommandHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { reminderTime } from '../../domain/task-reminder';
import { Task } from '../../domain/task.entity';
import { loadLead } from '../lead-store';
import { announceSchedule, loadTask, loadTaskToChange } from '../task-store';
import { TaskView, toTaskView } from '../task.view';
import { UpdateTaskCommand } from './update-task.command';

@CommandHandler(UpdateTaskCommand)
export class UpdateTaskHandler extends TenantCommandHandler<UpdateTaskCommand, TaskView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: UpdateTaskCommand, tx: TenantTx): Promise<TaskView> {
    refuseNulls(command.changes, ['title', 'dueAt']);
    const before = await loadTaskToChange(tx, command.taskId, command.caller);
    const input = command.changes as { [K in keyof typeof command.changes]: (typeof command.changes)[K] | null };
    const changes: Partial<Task> = {};
    if (input.title != null) changes.title = input.title.trim();
    if (input.leadId !== undefined) changes.leadId = input.leadId === null ? null : (await loadLead(tx, input.leadId)).id;
    if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
      assertCan(abilityOf(tx, command.caller), 'update', 'Task', { assigneeId: input.assigneeId });
      if (input.assigneeId !== null) await requireActiveMember(this.queryBus, tx.context, input.assigneeId);
      changes.assigneeId = input.assigneeId;
    }
    if (input.dueAt != null) changes.dueAt = new Date(input.dueAt);
    if (input.reminderOffsetMinutes !== undefined) changes.reminderOffsetMinutes = input.reminderOffsetMinutes;
    const reminderAt = reminderTime(changes.dueAt ?? before.dueAt, changes.reminderOffsetMinutes !== undefined ? changes.reminderOffsetMinutes : before.reminderOffsetMinutes);
    const rescheduled = (reminderAt?.getTime() ?? null) !== (before.reminderAt?.getTime() ?? null);
    // A new reminder time is a new reminder: it fires (once) even if the old one already had.
    if (rescheduled) Object.assign(changes, { reminderAt, remindedAt: null });
    await tx.repository(Task).update({ id: before.id }, { ...changes, version: before.version + 1, updatedAt: new Date() });
    const after = await loadTask(tx, before.id);
    if (rescheduled) announceSchedule(tx, after);
    const changed = Object.keys(changes) as (keyof Task)[];
    tx.audit({ action: 'task.updated', entityType: 'task', entityId: before.id, before: Object.fromEntries(changed.map((key) => [key, before[key]])), after: changes });
    return toTaskView(after);
  }
}
