import { QueryHandler } from '@nestjs/cqrs';
import { In, IsNull, Not } from 'typeorm';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { identitiesOf, loadContact } from '../../commands/contact-input';
import { toContactView } from '../../commands/contact.view';
import { ContactIdentity } from '../../domain/contact-identity.entity';
import { Contact } from '../../domain/contact.entity';
import { identitiesByContact } from '../contact-identities';
import { DuplicateCandidateList, DuplicateReason } from './duplicate-candidate.view';
import { FindDuplicatesQuery } from './find-duplicates.query';

const MAX_CANDIDATES = 50;

/**
 * Other live contacts that share this one's email or phone, or that are the same platform user
 * seen on another channel (the same platform user id, or a WhatsApp id that is this phone number).
 */
@QueryHandler(FindDuplicatesQuery)
export class FindDuplicatesHandler extends TenantQueryHandler<FindDuplicatesQuery, DuplicateCandidateList> {
  protected async handle(query: FindDuplicatesQuery, tx: TenantTx): Promise<DuplicateCandidateList> {
    const contact = await loadContact(tx, query.contactId);
    const reasons = new Map<string, Set<DuplicateReason>>();
    const add = (id: string, reason: DuplicateReason) => {
      if (id !== contact.id) reasons.set(id, (reasons.get(id) ?? new Set<DuplicateReason>()).add(reason));
    };
    const live = { deletedAt: IsNull(), id: Not(contact.id) };
    if (contact.email !== null) for (const row of await tx.repository(Contact).find({ where: { ...live, email: contact.email }, take: MAX_CANDIDATES })) add(row.id, 'email');
    if (contact.phone !== null) for (const row of await tx.repository(Contact).find({ where: { ...live, phone: contact.phone }, take: MAX_CANDIDATES })) add(row.id, 'phone');
    const ownIds = (await identitiesOf(tx, contact.id)).map((identity) => identity.platformUserId);
    const platformIds = [...new Set([...ownIds, ...(contact.phone !== null ? [contact.phone.slice(1), contact.phone] : [])])];
    if (platformIds.length > 0) {
      for (const row of await tx.repository(ContactIdentity).find({ where: { platformUserId: In(platformIds), contactId: Not(contact.id) }, take: MAX_CANDIDATES })) add(row.contactId, 'identity');
    }
    const ids = [...reasons.keys()].slice(0, MAX_CANDIDATES);
    const contacts = ids.length === 0 ? [] : await tx.repository(Contact).find({ where: { id: In(ids), deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
    const identities = await identitiesByContact(tx, contacts.map((row) => row.id));
    return {
      data: contacts.map((row) => ({ contact: toContactView(row, identities.get(row.id) ?? []), reasons: [...(reasons.get(row.id) as Set<DuplicateReason>)] })),
    };
  }
}
