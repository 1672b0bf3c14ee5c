import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { LeadView } from '../lead.view';

export class ChangeLeadStageCommand extends TenantCommand<LeadView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly leadId: string,
    readonly stageId: string,
  ) {
    super(context);
  }
}
