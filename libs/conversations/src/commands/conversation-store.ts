import { CommandBus } from '@nestjs/cqrs';
import { OpenChatLeadCommand } from '@saler/crm';
import { newId, TenantTx } from '@saler/platform';
import { Channel } from '../domain/channel.entity';
import { Conversation } from '../domain/conversation.entity';
import { notFound } from '../domain/conversation-problems';
import type { InboundSender } from '../domain/webhooks/inbound-item';

export async function loadConversation(tx: TenantTx, id: string): Promise<Conversation> {
  const conversation = await tx.repository(Conversation).findOne({ id });
  if (conversation === null) throw notFound('conversation');
  return conversation;
}

/**
 * The conversation of a thread on a channel, or a new one: a new thread also gets its CRM contact
 * (found by the platform identity, or created with it) and a new lead, through the CRM's command in
 * this same unit of work.
 */
export async function findOrOpenConversation(
  tx: TenantTx,
  commandBus: CommandBus,
  channel: Pick<Channel, 'id' | 'type'>,
  threadId: string,
  sender: InboundSender,
  at: Date,
): Promise<{ conversation: Conversation; created: boolean }> {
  // Locked: messages of one conversation are counted one at a time.
  const existing = await tx.repository(Conversation).lockOne({ channelId: channel.id, threadId });
  if (existing !== null) return { conversation: existing, created: false };
  const name = sender.name ?? sender.username ?? null;
  const lead = await commandBus.execute(
    new OpenChatLeadCommand(tx.context, {
      channel: channel.type,
      platformUserId: sender.platformUserId,
      name,
      locale: sender.locale ?? null,
      phone: channel.type === 'whatsapp' ? sender.platformUserId : null,
    }),
  );
  const conversation: Conversation = {
    tenantId: tx.tenantId,
    id: newId(),
    channelId: channel.id,
    threadId,
    contactId: lead.contactId,
    leadId: lead.leadId,
    contactName: name,
    status: 'open',
    botEnabled: true,
    assigneeId: null,
    locale: sender.locale ?? null,
    messageCount: 0,
    lastMessageAt: at,
    lastInboundAt: null,
    firstResponseAt: null,
    firstResponseMs: null,
    summary: null,
    summarizedAt: null,
    pendingQuote: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await tx.repository(Conversation).insert(conversation);
  return { conversation, created: true };
}

/** Counts a new message on its conversation; a customer writing again reopens a resolved conversation. The version (ETag) is the editable fields', so a message leaves it alone. */
export async function countMessage(tx: TenantTx, conversation: Conversation, at: Date, inbound: boolean): Promise<void> {
  await tx.repository(Conversation).update(
    { id: conversation.id },
    {
      messageCount: () => 'message_count + 1',
      lastMessageAt: at,
      ...(inbound ? { lastInboundAt: at, ...(conversation.status === 'resolved' ? { status: 'open' as const } : {}) } : {}),
      updatedAt: at,
    },
  );
}
