import { CommandHandler } from '@nestjs/cqrs';
import { refuseNulls, TenantCommandHandler, TenantTx } from '@saler/platform';
import { fieldProblem } from '../../domain/crm-problems';
import { Lead } from '../../domain/lead.entity';
import { Stage } from '../../domain/stage.entity';
import { loadStage, pipelineView } from '../pipeline-store';
import { PipelineView } from '../pipeline.view';
import { stagesInOrder } from '../stage-order';
import { UpdateStageCommand } from './update-stage.command';

@CommandHandler(UpdateStageCommand)
export class UpdateStageHandler extends TenantCommandHandler<UpdateStageCommand, PipelineView> {
  protected async handle(command: UpdateStageCommand, tx: TenantTx): Promise<PipelineView> {
    refuseNulls(command.changes, ['name', 'probability', 'kind']);
    const before = await loadStage(tx, command.pipelineId, command.stageId);
    const changes = Object.fromEntries(Object.entries(command.changes).filter(([, value]) => value !== undefined)) as Partial<Stage>;
    if (changes.kind !== undefined && changes.kind !== before.kind) {
      const others = (await stagesInOrder(tx, before.pipelineId)).filter((stage) => stage.id !== before.id);
      if (changes.kind !== 'open' && !others.some((stage) => stage.kind === 'open')) throw fieldProblem('kind', 'A pipeline needs at least one open stage');
      await tx.repository(Lead).update({ stageId: before.id }, { status: changes.kind, ...(changes.kind !== 'lost' ? { lostReason: null } : {}), version: () => 'version + 1', updatedAt: new Date() });
    }
    if (Object.keys(changes).length > 0) await tx.repository(Stage).update({ id: before.id }, changes);
    tx.audit({
      action: 'stage.updated',
      entityType: 'stage',
      entityId: before.id,
      before: Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof Stage]])),
      after: changes,
    });
    return pipelineView(tx, before.pipelineId);
  }
}
