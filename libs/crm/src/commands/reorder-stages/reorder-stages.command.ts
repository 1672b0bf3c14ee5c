import { TenantCommand, TenantContext } from '@saler/platform';
import { PipelineView } from '../pipeline.view';

export class ReorderStagesCommand extends TenantCommand<PipelineView> {
  constructor(
    context: TenantContext,
    readonly pipelineId: string,
    readonly stageIds: string[],
  ) {
    super(context);
  }
}
