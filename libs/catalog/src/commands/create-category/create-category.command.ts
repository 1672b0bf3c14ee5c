import { TenantCommand, TenantContext } from '@saler/platform';
import { CategoryView } from '../category.view';
import { CreateCategoryRequest } from './create-category.request';

export class CreateCategoryCommand extends TenantCommand<CategoryView> {
  constructor(
    context: TenantContext,
    readonly input: CreateCategoryRequest,
  ) {
    super(context);
  }
}
