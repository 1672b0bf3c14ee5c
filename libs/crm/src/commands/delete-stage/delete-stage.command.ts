import { TenantCommand, TenantContext } from '@saler/platform';
import { PipelineView } from '../pipeline.view';

/** Deletes a stage; its leads, if any, must move to `moveTo` (a stage of the same pipeline). */
export class DeleteStageCommand extends TenantCommand<PipelineView> {
  constructor(
    context: TenantContext,
    readonly pipelineId: string,
    readonly stageId: string,
    readonly moveTo?: string,
  ) {
    super(context);
  }
}
