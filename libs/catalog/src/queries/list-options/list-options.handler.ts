import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { OptionPage, toOptionView } from '../../commands/option.view';
import { ProductOption } from '../../domain/product-option.entity';
import { newestFirst } from '../list-page';
import { ListOptionsQuery } from './list-options.query';

@QueryHandler(ListOptionsQuery)
export class ListOptionsHandler extends TenantQueryHandler<ListOptionsQuery, OptionPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListOptionsQuery, tx: TenantTx): Promise<OptionPage> {
    const builder = tx.repository(ProductOption).scopedQuery('o');
    if (query.categoryId !== undefined) builder.andWhere('o.category_id = :categoryId', { categoryId: query.categoryId.toLowerCase() });
    const page = await newestFirst(builder, 'o', query.page, this.cursors);
    return { data: page.data.map(toOptionView), nextCursor: page.nextCursor };
  }
}
