import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { fieldProblem } from '../../domain/crm-problems';
import { Stage } from '../../domain/stage.entity';
import { loadLeadToChange } from '../lead-store';
import { LeadView } from '../lead.view';
import { moveLeadToStage } from '../move-lead';
import { ChangeLeadStageCommand } from './change-lead-stage.command';

@CommandHandler(ChangeLeadStageCommand)
export class ChangeLeadStageHandler extends TenantCommandHandler<ChangeLeadStageCommand, LeadView> {
  protected async handle(command: ChangeLeadStageCommand, tx: TenantTx): Promise<LeadView> {
    const lead = await loadLeadToChange(tx, command.leadId, command.caller);
    const stage = await tx.repository(Stage).findOne({ id: command.stageId });
    if (stage === null) throw fieldProblem('stageId', 'No such stage in this tenant');
    if (stage.kind === 'lost') throw fieldProblem('stageId', 'Use POST /leads/{id}/lost to lose a lead: it needs a reason');
    return moveLeadToStage(tx, lead, stage);
  }
}
