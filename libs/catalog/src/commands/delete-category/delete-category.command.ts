import { TenantCommand, TenantContext } from '@saler/platform';

/** Deletes a category without options or prices (409 otherwise: deactivate it instead); its availability marks go with it. */
export class DeleteCategoryCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly categoryId: string,
  ) {
    super(context);
  }
}
