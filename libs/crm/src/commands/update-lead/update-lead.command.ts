import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { LeadView } from '../lead.view';
import { UpdateLeadRequest } from './update-lead.request';

export class UpdateLeadCommand extends TenantCommand<LeadView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly leadId: string,
    readonly changes: UpdateLeadRequest,
    /** From If-Match; undefined updates whatever the current version is. */
    readonly expectedVersion?: number,
  ) {
    super(context);
  }
}
