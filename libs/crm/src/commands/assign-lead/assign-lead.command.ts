import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { LeadView } from '../lead.view';

export class AssignLeadCommand extends TenantCommand<LeadView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly leadId: string,
    readonly assigneeId: string | null,
  ) {
    super(context);
  }
}
