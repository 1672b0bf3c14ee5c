import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { loadLeadToChange } from '../lead-store';
import { LeadView } from '../lead.view';
import { moveLeadToStage } from '../move-lead';
import { firstStageOfKind } from '../resolve-stage';
import { MarkLeadWonCommand } from './mark-lead-won.command';

@CommandHandler(MarkLeadWonCommand)
export class MarkLeadWonHandler extends TenantCommandHandler<MarkLeadWonCommand, LeadView> {
  protected async handle(command: MarkLeadWonCommand, tx: TenantTx): Promise<LeadView> {
    const lead = await loadLeadToChange(tx, command.leadId, command.caller);
    return moveLeadToStage(tx, lead, await firstStageOfKind(tx, lead.pipelineId, 'won'));
  }
}
