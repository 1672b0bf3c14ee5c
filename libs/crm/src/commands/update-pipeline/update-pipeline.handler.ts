import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { Pipeline } from '../../domain/pipeline.entity';
import { loadPipeline, pipelineView } from '../pipeline-store';
import { PipelineView } from '../pipeline.view';
import { UpdatePipelineCommand } from './update-pipeline.command';

@CommandHandler(UpdatePipelineCommand)
export class UpdatePipelineHandler extends TenantCommandHandler<UpdatePipelineCommand, PipelineView> {
  protected async handle(command: UpdatePipelineCommand, tx: TenantTx): Promise<PipelineView> {
    const before = await loadPipeline(tx, command.pipelineId);
    if (command.changes.isDefault === true && !before.isDefault) await tx.repository(Pipeline).update({ isDefault: true }, { isDefault: false });
    const changes = { ...(command.changes.name !== undefined ? { name: command.changes.name } : {}), ...(command.changes.isDefault ? { isDefault: true } : {}) };
    if (Object.keys(changes).length > 0) await tx.repository(Pipeline).update({ id: before.id }, changes);
    tx.audit({ action: 'pipeline.updated', entityType: 'pipeline', entityId: before.id, before: { name: before.name, isDefault: before.isDefault }, after: changes });
    return pipelineView(tx, before.id);
  }
}
