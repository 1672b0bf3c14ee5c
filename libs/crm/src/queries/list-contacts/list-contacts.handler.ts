import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, keysetPage, KeysetSort, likePattern, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { ContactPage, toContactView } from '../../commands/contact.view';
import { Contact } from '../../domain/contact.entity';
import { identitiesByContact } from '../contact-identities';
import { ListContactsQuery } from './list-contacts.query';

const NEWEST_FIRST: KeysetSort<Contact> = { name: 'createdAt', column: 'c.created_at', direction: 'DESC', kind: 'date', read: (contact) => contact.createdAt };

@QueryHandler(ListContactsQuery)
export class ListContactsHandler extends TenantQueryHandler<ListContactsQuery, ContactPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListContactsQuery, tx: TenantTx): Promise<ContactPage> {
    const builder = tx.repository(Contact).scopedQuery('c').andWhere('c.deleted_at IS NULL');
    if (query.q !== undefined && query.searchHidden) {
      builder.andWhere(`(LOWER(c.name) LIKE :q ESCAPE '\\' OR c.email LIKE :q ESCAPE '\\' OR c.phone LIKE :qPhone ESCAPE '\\')`, {
        q: likePattern(query.q),
        qPhone: likePattern(query.q.replace(/[\s()-]/g, '')),
      });
    } else if (query.q !== undefined) {
      builder.andWhere(`LOWER(c.name) LIKE :q ESCAPE '\\'`, { q: likePattern(query.q) });
    }
    const page = await keysetPage(builder, NEWEST_FIRST, 'c.id', query.page, this.cursors, (contact) => contact);
    const identities = await identitiesByContact(tx, page.data.map((contact) => contact.id));
    return { data: page.data.map((contact) => toContactView(contact, identities.get(contact.id) ?? [])), nextCursor: page.nextCursor };
  }
}
