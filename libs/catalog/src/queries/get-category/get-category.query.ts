import { TenantContext, TenantQuery } from '@saler/platform';
import { CategoryView } from '../../commands/category.view';

export class GetCategoryQuery extends TenantQuery<CategoryView> {
  constructor(
    context: TenantContext,
    readonly categoryId: string,
  ) {
    super(context);
  }
}
