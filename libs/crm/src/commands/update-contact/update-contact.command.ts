import { TenantCommand, TenantContext } from '@saler/platform';
import { ContactView } from '../contact.view';
import { UpdateContactRequest } from './update-contact.request';

export class UpdateContactCommand extends TenantCommand<ContactView> {
  constructor(
    context: TenantContext,
    readonly contactId: string,
    readonly changes: UpdateContactRequest,
    /** From If-Match; undefined updates whatever the current version is. */
    readonly expectedVersion?: number,
  ) {
    super(context);
  }
}
