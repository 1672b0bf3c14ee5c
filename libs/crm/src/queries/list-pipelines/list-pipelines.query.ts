import { TenantQuery } from '@saler/platform';
import { PipelineList } from '../../commands/pipeline.view';

export class ListPipelinesQuery extends TenantQuery<PipelineList> {}
