import { TenantContext, TenantQuery } from '@saler/platform';
import { CategoryPage } from '../../commands/category.view';
import { PageInput } from '../list-page';

export class ListCategoriesQuery extends TenantQuery<CategoryPage> {
  constructor(
    context: TenantContext,
    readonly page: PageInput,
  ) {
    super(context);
  }
}
