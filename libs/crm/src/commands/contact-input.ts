import { isUniqueViolation, newId, refuseNulls, TenantTx } from '@saler/platform';
import { normaliseEmail, normalisePhone, validateAttributes } from '../domain/contact-fields';
import { ContactIdentity } from '../domain/contact-identity.entity';
import { Contact } from '../domain/contact.entity';
import { asFieldProblem, conflict, fieldProblem, notFound } from '../domain/crm-problems';
import { ContactCreated } from '../events/contact-created.event';
import type { ContactIdentityRequest, CreateContactRequest } from './create-contact/create-contact.request';

export type ContactFields = Pick<Contact, 'name' | 'email' | 'phone' | 'locale' | 'attributes'>;

type ContactInput = { [K in keyof Omit<CreateContactRequest, 'identities'>]?: CreateContactRequest[K] | null };

/**
 * The writable fields of a request, normalised (email lower-cased, phone E.164, attributes
 * checked); absent fields stay absent and null clears name, email, phone or locale.
 */
export function normaliseContactInput(input: ContactInput): Partial<ContactFields> {
  const fields: Partial<ContactFields> = {};
  refuseNulls(input, ['attributes']);
  if (input.name !== undefined) fields.name = input.name === null ? null : input.name.trim();
  if (input.email !== undefined) fields.email = input.email === null ? null : normaliseEmail(input.email);
  if (input.phone !== undefined) fields.phone = input.phone === null ? null : asFieldProblem(() => normalisePhone(input.phone as string));
  if (input.locale !== undefined) fields.locale = input.locale;
  if (input.attributes != null) fields.attributes = asFieldProblem(() => validateAttributes(input.attributes));
  return fields;
}

export function requireSomethingToKnowThemBy(fields: Partial<ContactFields>, identities: readonly unknown[] | undefined): void {
  if (!fields.name && !fields.email && !fields.phone && (identities?.length ?? 0) === 0) {
    throw fieldProblem('name', 'A contact needs at least a name, an email, a phone or an identity');
  }
}

/** A live (not deleted) contact of the tenant, or 404. */
export async function loadContact(tx: TenantTx, id: string): Promise<Contact> {
  const contact = await tx.repository(Contact).findOne({ id });
  if (contact === null || contact.deletedAt !== null) throw notFound('contact');
  return contact;
}

export function identitiesOf(tx: TenantTx, contactId: string): Promise<ContactIdentity[]> {
  return tx.repository(ContactIdentity).find({ where: { contactId }, order: { channel: 'ASC', platformUserId: 'ASC' } });
}

/**
 * Gives a contact exactly these identities. A platform id another contact holds is a 409: the
 * unique index decides, so two requests racing for one id cannot both win.
 */
export async function replaceIdentities(tx: TenantTx, contactId: string, identities: ContactIdentityRequest[]): Promise<void> {
  const unique = new Map(identities.map((identity) => [`${identity.channel}\u0000${identity.platformUserId}`, identity]));
  const repository = tx.repository(ContactIdentity);
  await repository.delete({ contactId });
  for (const identity of unique.values()) {
    const taken = await repository.findOne({ channel: identity.channel, platformUserId: identity.platformUserId });
    if (taken !== null) throw identityTaken(identity);
  }
  try {
    await repository.insert([...unique.values()].map((identity) => ({ id: newId(), contactId, channel: identity.channel, platformUserId: identity.platformUserId, createdAt: new Date() })));
  } catch (error) {
    if (isUniqueViolation(error)) throw identityTaken([...unique.values()][0]);
    throw error;
  }
}

function identityTaken(identity: ContactIdentityRequest) {
  return conflict('identities', `Another contact already has the ${identity.channel} id ${identity.platformUserId}`);
}

/** A new contact of the tenant from normalised fields. */
export function newContact(tenantId: string, fields: Partial<ContactFields>, now: Date): Contact {
  return {
    tenantId,
    id: newId(),
    name: fields.name ?? null,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    locale: fields.locale ?? null,
    attributes: fields.attributes ?? {},
    mergedIntoId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

/** Publishes and audits a contact just created from these fields. */
export function announceContact(tx: TenantTx, contact: Pick<Contact, 'id'>, fields: Partial<ContactFields>): void {
  tx.publish(new ContactCreated(tx.context, { contactId: contact.id }));
  tx.audit({ action: 'contact.created', entityType: 'contact', entityId: contact.id, after: { ...fields } });
}

/** Creates a contact from normalised fields (and its identities), publishing and auditing it. */
export async function insertContact(tx: TenantTx, fields: Partial<ContactFields>, identities: ContactIdentityRequest[] | undefined): Promise<Contact> {
  const contact = newContact(tx.tenantId, fields, new Date());
  await tx.repository(Contact).insert(contact);
  if (identities?.length) await replaceIdentities(tx, contact.id, identities);
  announceContact(tx, contact, fields);
  return contact;
}
