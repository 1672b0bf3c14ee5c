import { CommandHandler } from '@nestjs/cqrs';
import { In } from 'typeorm';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Activity } from '../../domain/activity.entity';
import { ContactIdentity } from '../../domain/contact-identity.entity';
import { Contact } from '../../domain/contact.entity';
import { Lead } from '../../domain/lead.entity';
import { LeadCreated } from '../../events/lead-created.event';
import { announceContact, ContactFields, newContact } from '../contact-input';
import { newActivity, newLead } from '../lead-store';
import { resolveStartStage } from '../resolve-stage';
import { ChatLead, ChatLeadInput, OpenChatLeadsCommand } from './open-chat-leads.command';

const CHANNEL_LABELS: Record<ChatLeadInput['channel'], string> = { web: 'Website chat', telegram: 'Telegram', messenger: 'Messenger', whatsapp: 'WhatsApp', line: 'LINE' };

const identityKey = ({ channel, platformUserId }: Pick<ChatLeadInput, 'channel' | 'platformUserId'>): string => `${channel}\u0000${platformUserId}`;

/** The contacts behind these platform identities (by identityKey), each followed to the survivor when it was merged. */
async function contactsOf(tx: TenantTx, inputs: ChatLeadInput[]): Promise<Map<string, Contact>> {
  const identities = await tx.repository(ContactIdentity).find({ where: inputs.map(({ channel, platformUserId }) => ({ channel, platformUserId })) });
  if (identities.length === 0) return new Map();
  const contacts = new Map((await tx.repository(Contact).find({ where: { id: In([...new Set(identities.map((identity) => identity.contactId))]) } })).map((contact) => [contact.id, contact]));
  const found = new Map<string, Contact>();
  for (const identity of identities) {
    let contact = contacts.get(identity.contactId) ?? null;
    while (contact?.mergedIntoId) {
      const survivorId = contact.mergedIntoId;
      contact = contacts.get(survivorId) ?? (await tx.repository(Contact).findOne({ id: survivorId }));
      if (contact !== null) contacts.set(survivorId, contact);
    }
    if (contact !== null) found.set(identityKey(identity), contact);
  }
  return found;
}

function e164(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
}

/**
 * Every customer's contact found by their identities in one statement, and the start stage in
 * another; then the new contacts, their identities, the leads and their first timeline entries are
 * inserted in one statement. A platform identity another transaction has just taken fails the unit
 * of work on the unique index (the caller retries, and then finds it).
 */
@CommandHandler(OpenChatLeadsCommand)
export class OpenChatLeadsHandler extends TenantCommandHandler<OpenChatLeadsCommand, ChatLead[]> {
  protected async handle(command: OpenChatLeadsCommand, tx: TenantTx): Promise<ChatLead[]> {
    const { inputs } = command;
    if (inputs.length === 0) return [];
    const now = new Date();
    const contacts = await contactsOf(tx, inputs);
    const created: { contact: Contact; fields: Partial<ContactFields>; identity: ContactIdentity }[] = [];
    for (const input of inputs) {
      if (contacts.has(identityKey(input))) continue;
      const fields: Partial<ContactFields> = { name: input.name, locale: input.locale, phone: e164(input.phone) };
      const contact = newContact(tx.tenantId, fields, now);
      contacts.set(identityKey(input), contact);
      created.push({ contact, fields, identity: { tenantId: tx.tenantId, id: newId(), contactId: contact.id, channel: input.channel, platformUserId: input.platformUserId, createdAt: now } });
    }
    for (const { contact, fields } of created) announceContact(tx, contact, fields);

    const stage = await resolveStartStage(tx);
    const leads = inputs.map((input) => {
      const contact = contacts.get(identityKey(input)) as Contact;
      const title = `${CHANNEL_LABELS[input.channel]}: ${contact.name ?? input.name ?? input.platformUserId}`.slice(0, 200);
      return newLead(tx.tenantId, { contactId: contact.id, title, valueMinor: 0, currency: 'USD', source: input.channel, assigneeId: null, tags: [], expectedCloseDate: null }, stage, now);
    });
    // A new lead's last activity is its creation already.
    const activities = leads.map((lead) => newActivity(tx, lead, 'lead_created', { title: lead.title, stageId: stage.id, source: lead.source }, now));
    await tx
      .repository(Contact)
      .insertBulk(
        created.map(({ contact }) => contact),
        tx.repository(ContactIdentity).rows(created.map(({ identity }) => identity)),
        tx.repository(Lead).rows(leads),
        tx.repository(Activity).rows(activities),
      );
    for (const lead of leads) {
      tx.publish(new LeadCreated(tx.context, { leadId: lead.id, contactId: lead.contactId, stageId: stage.id, source: lead.source }));
      tx.audit({ action: 'lead.created', entityType: 'lead', entityId: lead.id, after: { contactId: lead.contactId, title: lead.title, stageId: stage.id, source: lead.source } });
    }
    return leads.map((lead) => ({ contactId: lead.contactId, leadId: lead.id }));
  }
}
