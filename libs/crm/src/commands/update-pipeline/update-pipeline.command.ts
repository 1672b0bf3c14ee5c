import { TenantCommand, TenantContext } from '@saler/platform';
import { PipelineView } from '../pipeline.view';
import { UpdatePipelineRequest } from './update-pipeline.request';

export class UpdatePipelineCommand extends TenantCommand<PipelineView> {
  constructor(
    context: TenantContext,
    readonly pipelineId: string,
    readonly changes: UpdatePipelineRequest,
  ) {
    super(context);
  }
}
