import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { OptionPricePage, toOptionPriceView } from '../../commands/price.view';
import { OptionPrice } from '../../domain/option-price.entity';
import { newestFirst } from '../list-page';
import { ListOptionPricesQuery } from './list-option-prices.query';

@QueryHandler(ListOptionPricesQuery)
export class ListOptionPricesHandler extends TenantQueryHandler<ListOptionPricesQuery, OptionPricePage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListOptionPricesQuery, tx: TenantTx): Promise<OptionPricePage> {
    const builder = tx.repository(OptionPrice).scopedQuery('p');
    if (query.optionId !== undefined) builder.andWhere('p.option_id = :optionId', { optionId: query.optionId.toLowerCase() });
    const page = await newestFirst(builder, 'p', query.page, this.cursors);
    return { data: page.data.map(toOptionPriceView), nextCursor: page.nextCursor };
  }
}
