import { TenantCommand, TenantContext } from '@saler/platform';
import { CategoryView } from '../category.view';
import { UpdateCategoryRequest } from './update-category.request';

export class UpdateCategoryCommand extends TenantCommand<CategoryView> {
  constructor(
    context: TenantContext,
    readonly categoryId: string,
    readonly changes: UpdateCategoryRequest,
  ) {
    super(context);
  }
}
