import { TenantContext, TenantQuery } from '@saler/platform';
import { ContactPage } from '../../commands/contact.view';

export class ListContactsQuery extends TenantQuery<ContactPage> {
  constructor(
    context: TenantContext,
    readonly page: { limit: number; cursor?: string },
    readonly q?: string,
  ) {
    super(context);
  }
}
