import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { load } from '../../commands/catalog-store';
import { CategoryView, toCategoryView } from '../../commands/category.view';
import { ProductCategory } from '../../domain/product-category.entity';
import { GetCategoryQuery } from './get-category.query';

@QueryHandler(GetCategoryQuery)
export class GetCategoryHandler extends TenantQueryHandler<GetCategoryQuery, CategoryView> {
  protected async handle(query: GetCategoryQuery, tx: TenantTx): Promise<CategoryView> {
    return toCategoryView(await load(tx, ProductCategory, query.categoryId));
  }
}
