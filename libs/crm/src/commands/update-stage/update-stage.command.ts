import { TenantCommand, TenantContext } from '@saler/platform';
import { PipelineView } from '../pipeline.view';
import { UpdateStageRequest } from './update-stage.request';

export class UpdateStageCommand extends TenantCommand<PipelineView> {
  constructor(
    context: TenantContext,
    readonly pipelineId: string,
    readonly stageId: string,
    readonly changes: UpdateStageRequest,
  ) {
    super(context);
  }
}
