import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { LeadView } from '../lead.view';

/** Moves the lead to the first lost stage of its pipeline, with a reason. */
export class MarkLeadLostCommand extends TenantCommand<LeadView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly leadId: string,
    readonly reason: string,
  ) {
    super(context);
  }
}
