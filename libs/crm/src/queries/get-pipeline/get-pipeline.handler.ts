import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { pipelineView } from '../../commands/pipeline-store';
import { PipelineView } from '../../commands/pipeline.view';
import { GetPipelineQuery } from './get-pipeline.query';

@QueryHandler(GetPipelineQuery)
export class GetPipelineHandler extends TenantQueryHandler<GetPipelineQuery, PipelineView> {
  protected handle(query: GetPipelineQuery, tx: TenantTx): Promise<PipelineView> {
    return pipelineView(tx, query.pipelineId);
  }
}
