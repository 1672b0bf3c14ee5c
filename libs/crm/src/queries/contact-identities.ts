import { In } from 'typeorm';
import { TenantTx } from '@saler/platform';
import { ContactIdentity } from '../domain/contact-identity.entity';

/** The identities of several contacts in one query, grouped by contact. */
export async function identitiesByContact(tx: TenantTx, contactIds: string[]): Promise<Map<string, ContactIdentity[]>> {
  const grouped = new Map<string, ContactIdentity[]>();
  if (contactIds.length === 0) return grouped;
  const rows = await tx.repository(ContactIdentity).find({ where: { contactId: In(contactIds) }, order: { channel: 'ASC', platformUserId: 'ASC' } });
  for (const row of rows) grouped.set(row.contactId, [...(grouped.get(row.contactId) ?? []), row]);
  return grouped;
}
