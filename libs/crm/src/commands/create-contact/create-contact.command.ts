import { TenantCommand, TenantContext } from '@saler/platform';
import { ContactView } from '../contact.view';
import { CreateContactRequest } from './create-contact.request';

export class CreateContactCommand extends TenantCommand<ContactView> {
  constructor(
    context: TenantContext,
    readonly input: CreateContactRequest,
  ) {
    super(context);
  }
}
