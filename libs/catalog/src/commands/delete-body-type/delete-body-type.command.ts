import { TenantCommand, TenantContext } from '@saler/platform';

/** Deletes a body type no model and no base price uses (409 otherwise). */
export class DeleteBodyTypeCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly bodyTypeId: string,
  ) {
    super(context);
  }
}
