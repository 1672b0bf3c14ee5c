import { TenantCommand, TenantContext } from '@saler/platform';

/** Soft delete: the contact leaves every list and lookup; its leads and history stay. */
export class DeleteContactCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly contactId: string,
  ) {
    super(context);
  }
}
