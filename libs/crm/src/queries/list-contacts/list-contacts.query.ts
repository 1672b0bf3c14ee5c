import { TenantContext, TenantQuery } from '@saler/platform';
import { ContactPage } from '../../commands/contact.view';

export class ListContactsQuery extends TenantQuery<ContactPage> {
  constructor(
    context: TenantContext,
    readonly page: { limit: number; cursor?: string },
    readonly q?: string,
    /** Whether q may match email and phone: not for callers who see them masked (a match would reveal them). */
    readonly searchHidden = true,
  ) {
    super(context);
  }
}
