import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { identitiesOf, loadContact } from '../../commands/contact-input';
import { ContactView, toContactView } from '../../commands/contact.view';
import { GetContactQuery } from './get-contact.query';

@QueryHandler(GetContactQuery)
export class GetContactHandler extends TenantQueryHandler<GetContactQuery, ContactView> {
  protected async handle(query: GetContactQuery, tx: TenantTx): Promise<ContactView> {
    const contact = await loadContact(tx, query.contactId);
    return toContactView(contact, await identitiesOf(tx, contact.id));
  }
}
