import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { loadLeadToChange } from '../lead-store';
import { LeadView } from '../lead.view';
import { moveLeadToStage } from '../move-lead';
import { firstStageOfKind } from '../resolve-stage';
import { MarkLeadLostCommand } from './mark-lead-lost.command';

@CommandHandler(MarkLeadLostCommand)
export class MarkLeadLostHandler extends TenantCommandHandler<MarkLeadLostCommand, LeadView> {
  protected async handle(command: MarkLeadLostCommand, tx: TenantTx): Promise<LeadView> {
    const lead = await loadLeadToChange(tx, command.leadId, command.caller);
    return moveLeadToStage(tx, lead, await firstStageOfKind(tx, lead.pipelineId, 'lost'), command.reason.trim());
  }
}
