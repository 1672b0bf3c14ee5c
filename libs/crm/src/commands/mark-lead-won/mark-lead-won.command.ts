import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { LeadView } from '../lead.view';

/** Moves the lead to the first won stage of its pipeline. */
export class MarkLeadWonCommand extends TenantCommand<LeadView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly leadId: string,
  ) {
    super(context);
  }
}
