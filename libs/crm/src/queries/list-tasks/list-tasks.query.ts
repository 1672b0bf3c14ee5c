import { TenantContext, TenantQuery } from '@saler/platform';
import { TaskPage } from '../../commands/task.view';

export interface TaskFilters {
  assigneeId?: string;
  leadId?: string;
  status?: 'open' | 'done';
  overdue?: boolean;
}

/** Tasks by due time, soonest first. */
export class ListTasksQuery extends TenantQuery<TaskPage> {
  constructor(
    context: TenantContext,
    readonly filters: TaskFilters,
    readonly page: { limit: number; cursor?: string },
    readonly callerId: string | null,
    readonly now: Date = new Date(),
  ) {
    super(context);
  }
}
