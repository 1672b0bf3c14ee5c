import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, keysetPage, KeysetSort, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { ActivityPage, toActivityView } from '../../commands/activity.view';
import { loadLead } from '../../commands/lead-store';
import { Activity } from '../../domain/activity.entity';
import { ListActivitiesQuery } from './list-activities.query';

const NEWEST_FIRST: KeysetSort<Activity> = { name: 'createdAt', column: 'a.created_at', direction: 'DESC', kind: 'date', read: (activity) => activity.createdAt };

@QueryHandler(ListActivitiesQuery)
export class ListActivitiesHandler extends TenantQueryHandler<ListActivitiesQuery, ActivityPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListActivitiesQuery, tx: TenantTx): Promise<ActivityPage> {
    const lead = await loadLead(tx, query.leadId);
    const builder = tx.repository(Activity).scopedQuery('a').andWhere('a.lead_id = :leadId', { leadId: lead.id });
    return keysetPage(builder, NEWEST_FIRST, 'a.id', query.page, this.cursors, toActivityView);
  }
}
