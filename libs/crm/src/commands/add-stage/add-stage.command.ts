import { TenantCommand, TenantContext } from '@saler/platform';
import { PipelineView } from '../pipeline.view';
import { AddStageRequest } from './add-stage.request';

export class AddStageCommand extends TenantCommand<PipelineView> {
  constructor(
    context: TenantContext,
    readonly pipelineId: string,
    readonly input: AddStageRequest,
  ) {
    super(context);
  }
}
