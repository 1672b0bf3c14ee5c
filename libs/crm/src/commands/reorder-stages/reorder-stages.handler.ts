import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { fieldProblem } from '../../domain/crm-problems';
import { Stage } from '../../domain/stage.entity';
import { loadPipeline, pipelineView } from '../pipeline-store';
import { PipelineView } from '../pipeline.view';
import { stagesInOrder, writeStageOrder } from '../stage-order';
import { ReorderStagesCommand } from './reorder-stages.command';

@CommandHandler(ReorderStagesCommand)
export class ReorderStagesHandler extends TenantCommandHandler<ReorderStagesCommand, PipelineView> {
  protected async handle(command: ReorderStagesCommand, tx: TenantTx): Promise<PipelineView> {
    const pipeline = await loadPipeline(tx, command.pipelineId);
    const stages = await stagesInOrder(tx, pipeline.id);
    const byId = new Map(stages.map((stage) => [stage.id, stage]));
    if (command.stageIds.length !== stages.length || command.stageIds.some((id) => !byId.has(id))) {
      throw fieldProblem('stageIds', 'stageIds must list every stage of this pipeline exactly once');
    }
    await writeStageOrder(tx, command.stageIds.map((id) => byId.get(id) as Stage));
    tx.audit({ action: 'pipeline.stages_reordered', entityType: 'pipeline', entityId: pipeline.id, before: { stageIds: stages.map((stage) => stage.id) }, after: { stageIds: command.stageIds } });
    return pipelineView(tx, pipeline.id);
  }
}
