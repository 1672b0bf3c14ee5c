import { TenantCommand, TenantContext } from '@saler/platform';
import { ActivityView } from '../activity.view';
import { LogActivityRequest } from './log-activity.request';

export class LogActivityCommand extends TenantCommand<ActivityView> {
  constructor(
    context: TenantContext,
    readonly leadId: string,
    readonly input: LogActivityRequest,
  ) {
    super(context);
  }
}
