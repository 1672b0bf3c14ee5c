import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, keysetPage, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { leadViews } from '../../commands/lead-store';
import { LeadPage } from '../../commands/lead.view';
import { filteredLeads, leadSort } from './lead-query';
import { ListLeadsQuery } from './list-leads.query';

@QueryHandler(ListLeadsQuery)
export class ListLeadsHandler extends TenantQueryHandler<ListLeadsQuery, LeadPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListLeadsQuery, tx: TenantTx): Promise<LeadPage> {
    const page = await keysetPage(filteredLeads(tx, query.filters, query.callerId, query.searchHidden), leadSort(query.filters.sort), 'l.id', query.page, this.cursors, (lead) => lead);
    return { data: await leadViews(tx, page.data), nextCursor: page.nextCursor };
  }
}
