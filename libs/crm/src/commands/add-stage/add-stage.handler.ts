import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Stage } from '../../domain/stage.entity';
import { loadPipeline, pipelineView } from '../pipeline-store';
import { PipelineView } from '../pipeline.view';
import { stagesInOrder, writeStageOrder } from '../stage-order';
import { AddStageCommand } from './add-stage.command';

@CommandHandler(AddStageCommand)
export class AddStageHandler extends TenantCommandHandler<AddStageCommand, PipelineView> {
  protected async handle(command: AddStageCommand, tx: TenantTx): Promise<PipelineView> {
    const pipeline = await loadPipeline(tx, command.pipelineId);
    const stages = await stagesInOrder(tx, pipeline.id);
    const position = Math.min(command.input.position ?? stages.length, stages.length);
    const stage: Stage = { tenantId: tx.tenantId, id: newId(), pipelineId: pipeline.id, name: command.input.name, probability: command.input.probability, kind: command.input.kind, position };
    await tx.repository(Stage).insert(stage);
    // The stages after the new one move down by one.
    await writeStageOrder(tx, [...stages.slice(0, position), stage, ...stages.slice(position)]);
    tx.audit({ action: 'stage.created', entityType: 'stage', entityId: stage.id, after: { pipelineId: pipeline.id, name: stage.name, probability: stage.probability, kind: stage.kind, position } });
    return pipelineView(tx, pipeline.id);
  }
}
