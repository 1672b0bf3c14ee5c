import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { TaskView } from '../task.view';
import { CreateTaskRequest } from './create-task.request';

export class CreateTaskCommand extends TenantCommand<TaskView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly input: CreateTaskRequest,
  ) {
    super(context);
  }
}
