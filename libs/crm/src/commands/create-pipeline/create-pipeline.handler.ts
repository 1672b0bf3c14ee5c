import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { fieldProblem } from '../../domain/crm-problems';
import { Pipeline } from '../../domain/pipeline.entity';
import { insertPipeline, pipelineView } from '../pipeline-store';
import { PipelineView } from '../pipeline.view';
import { CreatePipelineCommand } from './create-pipeline.command';

@CommandHandler(CreatePipelineCommand)
export class CreatePipelineHandler extends TenantCommandHandler<CreatePipelineCommand, PipelineView> {
  protected async handle(command: CreatePipelineCommand, tx: TenantTx): Promise<PipelineView> {
    if (!command.input.stages.some((stage) => stage.kind === 'open')) throw fieldProblem('stages', 'A pipeline needs at least one open stage');
    const isDefault = command.input.isDefault === true;
    if (isDefault) await tx.repository(Pipeline).update({ isDefault: true }, { isDefault: false });
    const pipeline = await insertPipeline(tx, command.input.name, isDefault, command.input.stages);
    tx.audit({ action: 'pipeline.created', entityType: 'pipeline', entityId: pipeline.id, after: { name: pipeline.name, isDefault, stages: command.input.stages } });
    return pipelineView(tx, pipeline.id);
  }
}
