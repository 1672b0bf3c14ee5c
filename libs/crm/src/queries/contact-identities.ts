import { In } from 'typeorm';
import { groupBy, TenantTx } from '@saler/platform';
import { ContactIdentity } from '../domain/contact-identity.entity';

/** The identities of several contacts in one query, grouped by contact. */
export async function identitiesByContact(tx: TenantTx, contactIds: string[]): Promise<Map<string, ContactIdentity[]>> {
  if (contactIds.length === 0) return new Map();
  const rows = await tx.repository(ContactIdentity).find({ where: { contactId: In(contactIds) }, order: { channel: 'ASC', platformUserId: 'ASC' } });
  return groupBy(rows, (row) => row.contactId);
}
