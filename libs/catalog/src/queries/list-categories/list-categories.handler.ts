import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { CategoryPage, toCategoryView } from '../../commands/category.view';
import { ProductCategory } from '../../domain/product-category.entity';
import { newestFirst } from '../list-page';
import { ListCategoriesQuery } from './list-categories.query';

@QueryHandler(ListCategoriesQuery)
export class ListCategoriesHandler extends TenantQueryHandler<ListCategoriesQuery, CategoryPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListCategoriesQuery, tx: TenantTx): Promise<CategoryPage> {
    const page = await newestFirst(tx.repository(ProductCategory).scopedQuery('c'), 'c', query.page, this.cursors);
    return { data: page.data.map(toCategoryView), nextCursor: page.nextCursor };
  }
}
