import { TenantContext, TenantQuery } from '@saler/platform';
import { LeadPage } from '../../commands/lead.view';
import { LeadFiltersRequest } from './lead-filters.request';

export class ListLeadsQuery extends TenantQuery<LeadPage> {
  constructor(
    context: TenantContext,
    readonly filters: LeadFiltersRequest,
    readonly page: { limit: number; cursor?: string },
    /** Who `assigneeId=me` means. */
    readonly callerId: string | null,
    /** Whether q may match the contact's email: not for callers who see it masked. */
    readonly searchHidden = true,
  ) {
    super(context);
  }
}
