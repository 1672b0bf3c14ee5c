import { TenantCommand, TenantContext } from '@saler/platform';
import { PipelineView } from '../pipeline.view';
import { CreatePipelineRequest } from './create-pipeline.request';

export class CreatePipelineCommand extends TenantCommand<PipelineView> {
  constructor(
    context: TenantContext,
    readonly input: CreatePipelineRequest,
  ) {
    super(context);
  }
}
