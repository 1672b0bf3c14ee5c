import { TenantContext, TenantQuery } from '@saler/platform';
import { LeadView } from '../../commands/lead.view';

export class GetLeadQuery extends TenantQuery<LeadView> {
  constructor(
    context: TenantContext,
    readonly leadId: string,
  ) {
    super(context);
  }
}
