import { TenantContext, TenantQuery } from '@saler/platform';
import { ContactView } from '../../commands/contact.view';

export class GetContactQuery extends TenantQuery<ContactView> {
  constructor(
    context: TenantContext,
    readonly contactId: string,
  ) {
    super(context);
  }
}
