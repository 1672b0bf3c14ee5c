import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { TaskView } from '../task.view';
import { UpdateTaskRequest } from './update-task.request';

export class UpdateTaskCommand extends TenantCommand<TaskView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly taskId: string,
    readonly changes: UpdateTaskRequest,
  ) {
    super(context);
  }
}
