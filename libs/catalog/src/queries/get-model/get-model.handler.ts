import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { modelView } from '../../commands/catalog-store';
import { ModelView } from '../../commands/model.view';
import { GetModelQuery } from './get-model.query';

@QueryHandler(GetModelQuery)
export class GetModelHandler extends TenantQueryHandler<GetModelQuery, ModelView> {
  protected handle(query: GetModelQuery, tx: TenantTx): Promise<ModelView> {
    return modelView(tx, query.modelId);
  }
}
