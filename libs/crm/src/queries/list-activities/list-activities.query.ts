import { TenantContext, TenantQuery } from '@saler/platform';
import { ActivityPage } from '../../commands/activity.view';

export class ListActivitiesQuery extends TenantQuery<ActivityPage> {
  constructor(
    context: TenantContext,
    readonly leadId: string,
    readonly page: { limit: number; cursor?: string },
  ) {
    super(context);
  }
}
