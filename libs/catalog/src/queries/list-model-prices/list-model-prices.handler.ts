import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { ModelPricePage, toModelPriceView } from '../../commands/price.view';
import { ModelPrice } from '../../domain/model-price.entity';
import { newestFirst } from '../list-page';
import { ListModelPricesQuery } from './list-model-prices.query';

@QueryHandler(ListModelPricesQuery)
export class ListModelPricesHandler extends TenantQueryHandler<ListModelPricesQuery, ModelPricePage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListModelPricesQuery, tx: TenantTx): Promise<ModelPricePage> {
    const { modelId, categoryId } = query.filters;
    const builder = tx.repository(ModelPrice).scopedQuery('p');
    if (modelId !== undefined) builder.andWhere('p.model_id = :modelId', { modelId: modelId.toLowerCase() });
    if (categoryId !== undefined) builder.andWhere('p.category_id = :categoryId', { categoryId: categoryId.toLowerCase() });
    const page = await newestFirst(builder, 'p', query.page, this.cursors);
    return { data: page.data.map(toModelPriceView), nextCursor: page.nextCursor };
  }
}
