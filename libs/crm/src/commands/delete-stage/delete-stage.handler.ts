import { HttpStatus } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { ProblemException, TenantCommandHandler, TenantTx } from '@saler/platform';
import { fieldProblem } from '../../domain/crm-problems';
import { Lead } from '../../domain/lead.entity';
import { Stage } from '../../domain/stage.entity';
import { loadStage, pipelineView } from '../pipeline-store';
import { PipelineView } from '../pipeline.view';
import { stagesInOrder, writeStageOrder } from '../stage-order';
import { DeleteStageCommand } from './delete-stage.command';

@CommandHandler(DeleteStageCommand)
export class DeleteStageHandler extends TenantCommandHandler<DeleteStageCommand, PipelineView> {
  protected async handle(command: DeleteStageCommand, tx: TenantTx): Promise<PipelineView> {
    const stage = await loadStage(tx, command.pipelineId, command.stageId);
    const remaining = (await stagesInOrder(tx, stage.pipelineId)).filter((row) => row.id !== stage.id);
    if (!remaining.some((row) => row.kind === 'open')) throw new ProblemException(HttpStatus.CONFLICT, 'last-open-stage', 'A pipeline needs at least one open stage');
    const leads = await tx.repository(Lead).count({ stageId: stage.id });
    let moved = 0;
    if (leads > 0) {
      if (command.moveTo === undefined) {
        throw new ProblemException(HttpStatus.CONFLICT, 'stage-has-leads', `This stage holds ${leads} leads; pass moveTo with the stage they should move to`, { leads });
      }
      const target = remaining.find((row) => row.id === command.moveTo);
      if (target === undefined) throw fieldProblem('moveTo', 'moveTo must be another stage of the same pipeline');
      moved = await tx.repository(Lead).update({ stageId: stage.id }, { stageId: target.id, status: target.kind, ...(target.kind !== 'lost' ? { lostReason: null } : {}), version: () => 'version + 1', updatedAt: new Date() });
    }
    await tx.repository(Stage).delete({ id: stage.id });
    await writeStageOrder(tx, remaining);
    tx.audit({ action: 'stage.deleted', entityType: 'stage', entityId: stage.id, before: { name: stage.name, kind: stage.kind }, after: { movedLeads: moved, moveTo: command.moveTo ?? null } });
    return pipelineView(tx, stage.pipelineId);
  }
}
