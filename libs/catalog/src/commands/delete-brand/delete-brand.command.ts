import { TenantCommand, TenantContext } from '@saler/platform';

/** Deletes a brand without models (one with models is a 409: delete or move its models first). */
export class DeleteBrandCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly brandId: string,
  ) {
    super(context);
  }
}
