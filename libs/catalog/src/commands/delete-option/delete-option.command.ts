import { TenantCommand, TenantContext } from '@saler/platform';

/** Deletes an option without prices (409 otherwise: past quotes rely on them). */
export class DeleteOptionCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly optionId: string,
  ) {
    super(context);
  }
}
