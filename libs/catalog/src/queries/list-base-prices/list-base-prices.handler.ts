import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { BasePricePage, toBasePriceView } from '../../commands/price.view';
import { BasePrice } from '../../domain/base-price.entity';
import { newestFirst } from '../list-page';
import { ListBasePricesQuery } from './list-base-prices.query';

@QueryHandler(ListBasePricesQuery)
export class ListBasePricesHandler extends TenantQueryHandler<ListBasePricesQuery, BasePricePage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListBasePricesQuery, tx: TenantTx): Promise<BasePricePage> {
    const { categoryId, bodyTypeId } = query.filters;
    const builder = tx.repository(BasePrice).scopedQuery('p');
    if (categoryId !== undefined) builder.andWhere('p.category_id = :categoryId', { categoryId: categoryId.toLowerCase() });
    if (bodyTypeId !== undefined) builder.andWhere('p.body_type_id = :bodyTypeId', { bodyTypeId: bodyTypeId.toLowerCase() });
    const page = await newestFirst(builder, 'p', query.page, this.cursors);
    return { data: page.data.map(toBasePriceView), nextCursor: page.nextCursor };
  }
}
