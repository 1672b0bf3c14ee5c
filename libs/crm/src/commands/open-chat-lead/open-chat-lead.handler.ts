import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { ContactIdentity } from '../../domain/contact-identity.entity';
import { Contact } from '../../domain/contact.entity';
import { Lead } from '../../domain/lead.entity';
import { LeadCreated } from '../../events/lead-created.event';
import { insertContact } from '../contact-input';
import { newLead, recordActivity } from '../lead-store';
import { resolveStartStage } from '../resolve-stage';
import { ChatLead, ChatLeadInput, OpenChatLeadCommand } from './open-chat-lead.command';

const CHANNEL_LABELS: Record<ChatLeadInput['channel'], string> = { web: 'Website chat', telegram: 'Telegram', messenger: 'Messenger', whatsapp: 'WhatsApp', line: 'LINE' };

/** The contact behind a platform identity, followed to the survivor when it was merged. */
async function contactOf(tx: TenantTx, input: ChatLeadInput): Promise<Contact | null> {
  const identity = await tx.repository(ContactIdentity).findOne({ channel: input.channel, platformUserId: input.platformUserId });
  if (identity === null) return null;
  let contact = await tx.repository(Contact).findOne({ id: identity.contactId });
  while (contact?.mergedIntoId) contact = await tx.repository(Contact).findOne({ id: contact.mergedIntoId });
  return contact;
}

function e164(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
}

@CommandHandler(OpenChatLeadCommand)
export class OpenChatLeadHandler extends TenantCommandHandler<OpenChatLeadCommand, ChatLead> {
  protected async handle(command: OpenChatLeadCommand, tx: TenantTx): Promise<ChatLead> {
    const { input } = command;
    const contact =
      (await contactOf(tx, input)) ??
      (await insertContact(tx, { name: input.name, locale: input.locale, phone: e164(input.phone) }, [{ channel: input.channel, platformUserId: input.platformUserId }]));
    const stage = await resolveStartStage(tx);
    const now = new Date();
    const title = `${CHANNEL_LABELS[input.channel]}: ${contact.name ?? input.name ?? input.platformUserId}`.slice(0, 200);
    const lead = newLead(tx.tenantId, { contactId: contact.id, title, valueMinor: 0, currency: 'USD', source: input.channel, assigneeId: null, tags: [], expectedCloseDate: null }, stage, now);
    await tx.repository(Lead).insert(lead);
    await recordActivity(tx, lead, 'lead_created', { title, stageId: stage.id, source: lead.source }, now);
    tx.publish(new LeadCreated(tx.context, { leadId: lead.id, contactId: contact.id, stageId: stage.id, source: lead.source }));
    tx.audit({ action: 'lead.created', entityType: 'lead', entityId: lead.id, after: { contactId: contact.id, title, stageId: stage.id, source: lead.source } });
    return { contactId: contact.id, leadId: lead.id };
  }
}
