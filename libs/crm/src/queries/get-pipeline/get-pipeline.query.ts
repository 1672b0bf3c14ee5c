import { TenantContext, TenantQuery } from '@saler/platform';
import { PipelineView } from '../../commands/pipeline.view';

export class GetPipelineQuery extends TenantQuery<PipelineView> {
  constructor(
    context: TenantContext,
    readonly pipelineId: string,
  ) {
    super(context);
  }
}
