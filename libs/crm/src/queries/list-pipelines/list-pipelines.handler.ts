import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { PipelineList, toPipelineView } from '../../commands/pipeline.view';
import { Pipeline } from '../../domain/pipeline.entity';
import { Stage } from '../../domain/stage.entity';
import { ListPipelinesQuery } from './list-pipelines.query';

/** A tenant has a handful of pipelines: the list is not paged. */
@QueryHandler(ListPipelinesQuery)
export class ListPipelinesHandler extends TenantQueryHandler<ListPipelinesQuery, PipelineList> {
  protected async handle(_query: ListPipelinesQuery, tx: TenantTx): Promise<PipelineList> {
    const pipelines = await tx.repository(Pipeline).find({ order: { createdAt: 'ASC', id: 'ASC' } });
    const stages = await tx.repository(Stage).find();
    return { data: pipelines.map((pipeline) => toPipelineView(pipeline, stages)) };
  }
}
