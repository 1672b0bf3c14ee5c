import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { leadView } from '../../commands/lead-store';
import { LeadView } from '../../commands/lead.view';
import { GetLeadQuery } from './get-lead.query';

@QueryHandler(GetLeadQuery)
export class GetLeadHandler extends TenantQueryHandler<GetLeadQuery, LeadView> {
  protected handle(query: GetLeadQuery, tx: TenantTx): Promise<LeadView> {
    return leadView(tx, query.leadId);
  }
}
