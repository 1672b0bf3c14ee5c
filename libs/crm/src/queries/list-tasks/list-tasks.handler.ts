import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, keysetPage, KeysetSort, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { TaskPage, toTaskView } from '../../commands/task.view';
import { Task } from '../../domain/task.entity';
import { ListTasksQuery } from './list-tasks.query';

const SOONEST_FIRST: KeysetSort<Task> = { name: 'dueAt', column: 't.due_at', direction: 'ASC', kind: 'date', read: (task) => task.dueAt };

@QueryHandler(ListTasksQuery)
export class ListTasksHandler extends TenantQueryHandler<ListTasksQuery, TaskPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected handle(query: ListTasksQuery, tx: TenantTx): Promise<TaskPage> {
    const { filters } = query;
    const builder = tx.repository(Task).scopedQuery('t');
    if (filters.assigneeId !== undefined) builder.andWhere('t.assignee_id = :assigneeId', { assigneeId: filters.assigneeId === 'me' ? query.callerId : filters.assigneeId.toLowerCase() });
    if (filters.leadId !== undefined) builder.andWhere('t.lead_id = :leadId', { leadId: filters.leadId });
    if (filters.status !== undefined) builder.andWhere('t.status = :status', { status: filters.status });
    if (filters.overdue === true) builder.andWhere(`t.status = 'open' AND t.due_at < :now`, { now: query.now });
    return keysetPage(builder, SOONEST_FIRST, 't.id', query.page, this.cursors, toTaskView);
  }
}
