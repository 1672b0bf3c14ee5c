import { requireActiveMember } from '@saler/identity';
import { CommandHandler, QueryBus } from '@nestjs/cqrs';
import { abilityOf, assertCan, newId, TenantCommandHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { reminderTime } from '../../domain/task-reminder';
import { Task } from '../../domain/task.entity';
import { loadLead } from '../lead-store';
import { announceSchedule } from '../task-store';
import { TaskView, toTaskView } from '../task.view';
import { CreateTaskCommand } from './create-task.command';

@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler extends TenantCommandHandler<CreateTaskCommand, TaskView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: CreateTaskCommand, tx: TenantTx): Promise<TaskView> {
    const input = command.input;
    const assigneeId = input.assigneeId ?? command.caller.userId;
    assertCan(abilityOf(tx, command.caller), 'create', 'Task', { assigneeId });
    if (assigneeId !== null) await requireActiveMember(this.queryBus, tx.context, assigneeId);
    if (input.leadId !== undefined) await loadLead(tx, input.leadId);
    const now = new Date();
    const dueAt = new Date(input.dueAt);
    const offset = input.reminderOffsetMinutes ?? null;
    const task: Task = {
      tenantId: tx.tenantId,
      id: newId(),
      title: input.title.trim(),
      leadId: input.leadId ?? null,
      dueAt,
      assigneeId,
      status: 'open',
      reminderOffsetMinutes: offset,
      reminderAt: reminderTime(dueAt, offset),
      remindedAt: null,
      completedAt: null,
      createdBy: command.caller.userId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await tx.repository(Task).insert(task);
    announceSchedule(tx, task);
    tx.audit({ action: 'task.created', entityType: 'task', entityId: task.id, after: { title: task.title, leadId: task.leadId, dueAt: task.dueAt, assigneeId, reminderOffsetMinutes: offset } });
    return toTaskView(task);
  }
}
