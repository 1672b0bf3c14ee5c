import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { TaskView } from '../task.view';

export class CompleteTaskCommand extends TenantCommand<TaskView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly taskId: string,
  ) {
    super(context);
  }
}
