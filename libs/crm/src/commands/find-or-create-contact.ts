import { IsNull } from 'typeorm';
import { TenantTx } from '@saler/platform';
import { Contact } from '../domain/contact.entity';
import { insertContact, normaliseContactInput, requireSomethingToKnowThemBy } from './contact-input';
import type { CreateContactRequest } from './create-contact/create-contact.request';

/** The live contact with this email (else this phone), or a new one: a lead never duplicates a known contact. */
export async function findOrCreateContact(tx: TenantTx, input: CreateContactRequest): Promise<Contact> {
  const fields = normaliseContactInput(input);
  requireSomethingToKnowThemBy(fields, input.identities);
  const contacts = tx.repository(Contact);
  const existing =
    (fields.email ? await contacts.findOne({ email: fields.email, deletedAt: IsNull() }) : null) ??
    (fields.phone ? await contacts.findOne({ phone: fields.phone, deletedAt: IsNull() }) : null);
  return existing ?? insertContact(tx, fields, input.identities);
}
