import { In, IsNull } from 'typeorm';
import { newId, TenantTx } from '@saler/platform';
import { Activity } from '../../domain/activity.entity';
import { Contact } from '../../domain/contact.entity';
import { ImportedRow } from '../../domain/lead-import-row';
import { LeadTag } from '../../domain/lead-tag.entity';
import { Lead } from '../../domain/lead.entity';
import { newLead } from '../lead-store';

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 and SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 500;

export interface BatchOutcome {
  leadIds: string[];
  contactsCreated: number;
  contactsMatched: number;
}

async function insertChunked<E extends { tenantId: string; id: string }>(tx: TenantTx, target: new () => E, rows: Partial<E>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await tx.repository(target).insert(rows.slice(start, start + INSERT_CHUNK) as never);
}

/**
 * Writes one batch of valid rows: contacts are upserted by email, then phone (a live contact with
 * either is reused, also one created earlier in the same file), and every row becomes a lead in its
 * stage with its tags and an `import` timeline entry. A handful of multi-row statements per batch.
 */
export async function importBatch(tx: TenantTx, jobId: string, rows: ImportedRow[]): Promise<BatchOutcome> {
  const emails = [...new Set(rows.map((row) => row.contact.email).filter((email): email is string => email !== null))];
  const phones = [...new Set(rows.map((row) => row.contact.phone).filter((phone): phone is string => phone !== null))];
  const contacts = tx.repository(Contact);
  const byEmail = new Map<string, string>();
  const byPhone = new Map<string, string>();
  const select = { tenantId: true, id: true, email: true, phone: true } as const;
  if (emails.length > 0) for (const row of await contacts.find({ where: { email: In(emails), deletedAt: IsNull() }, select })) byEmail.set(row.email as string, row.id);
  if (phones.length > 0) for (const row of await contacts.find({ where: { phone: In(phones), deletedAt: IsNull() }, select })) byPhone.set(row.phone as string, row.id);
  const now = new Date();
  const newContacts: Partial<Contact>[] = [];
  const leads: Partial<Lead>[] = [];
  const tags: Partial<LeadTag>[] = [];
  const activities: Partial<Activity>[] = [];
  let matched = 0;
  for (const { contact, lead } of rows) {
    let contactId = (contact.email !== null ? byEmail.get(contact.email) : undefined) ?? (contact.phone !== null ? byPhone.get(contact.phone) : undefined);
    if (contactId === undefined) {
      contactId = newId();
      newContacts.push({ id: contactId, ...contact, mergedIntoId: null, version: 1, createdAt: now, updatedAt: now, deletedAt: null });
    } else {
      matched += 1;
    }
    if (contact.email !== null) byEmail.set(contact.email, contactId);
    if (contact.phone !== null) byPhone.set(contact.phone, contactId);
    const created = newLead(
      tx.tenantId,
      { contactId, title: lead.title, valueMinor: lead.valueMinor, currency: lead.currency, source: 'import', assigneeId: null, tags: lead.tags, expectedCloseDate: lead.expectedCloseDate },
      lead.stage,
      now,
    );
    const leadId = created.id;
    leads.push(created);
    for (const tag of lead.tags) tags.push({ id: newId(), leadId, tag });
    activities.push({ id: newId(), leadId, contactId, type: 'import', data: { jobId }, actorType: tx.context.actor.type, actorId: tx.context.actor.id, createdAt: now });
  }
  await insertChunked(tx, Contact, newContacts);
  await insertChunked(tx, Lead, leads);
  await insertChunked(tx, LeadTag, tags);
  await insertChunked(tx, Activity, activities);
  return { leadIds: leads.map((lead) => lead.id as string), contactsCreated: newContacts.length, contactsMatched: matched };
}
