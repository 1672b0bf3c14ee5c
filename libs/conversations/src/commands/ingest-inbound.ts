import { CommandBus } from '@nestjs/cqrs';
import { In, LessThanOrEqual } from 'typeorm';
import { newId, TenantTx } from '@saler/platform';
import { Channel } from '../domain/channel.entity';
import { Conversation } from '../domain/conversation.entity';
import { InboundEvent } from '../domain/inbound-event.entity';
import { DeliveryStatus, Message } from '../domain/message.entity';
import type { InboundFollowItem, InboundItem, InboundMessageItem, InboundStatusItem } from '../domain/webhooks/inbound-item';
import { MessageReceived } from '../events/message-received.event';
import { countMessage, findOrOpenConversation } from './conversation-store';
import { newMessage } from './message-factory';

export interface IngestCounts {
  stored: number;
  duplicates: number;
  statuses: number;
  ignored: number;
}

/** A status only moves forward; `failed` can replace only queued or sent. */
const EARLIER_STATUSES: Record<InboundStatusItem['status'], DeliveryStatus[]> = {
  sent: ['queued'],
  delivered: ['queued', 'sent'],
  read: ['queued', 'sent', 'delivered'],
  failed: ['queued', 'sent'],
};

/** Takes an event once: false when this channel already took an event with this key. */
function firstTime(tx: TenantTx, channelId: string, eventKey: string, at: Date): Promise<boolean> {
  return tx.repository(InboundEvent).insertIfAbsent({ id: newId(), channelId, eventKey, receivedAt: at });
}

async function storeInbound(
  tx: TenantTx,
  commandBus: CommandBus,
  channel: Pick<Channel, 'id' | 'type'>,
  item: InboundMessageItem | InboundFollowItem,
  at: Date,
): Promise<Message | null> {
  const follow = item.kind !== 'message';
  const { conversation, created } = await findOrOpenConversationFor(tx, commandBus, channel, item, at);
  if (conversation === null) return null;
  const message = newMessage(tx.tenantId, conversation, {
    direction: 'inbound',
    senderType: 'contact',
    senderId: conversation.contactId,
    contentType: follow ? 'event' : item.contentType,
    text: follow ? item.kind : item.text,
    attachments: follow ? [] : item.attachments,
    platformMessageId: follow ? null : item.platformMessageId,
    platformSentAt: follow ? item.at : item.sentAt,
    replyToken: follow ? null : (item.replyToken ?? null),
    createdAt: at,
  });
  await tx.repository(Message).insert(message);
  await countMessage(tx, conversation, at, true);
  tx.publish(new MessageReceived(tx.context, { conversationId: conversation.id, messageId: message.id, newConversation: created }));
  return message;
}

/** An unfollow of a thread we never saw opens nothing. */
function findOrOpenConversationFor(tx: TenantTx, commandBus: CommandBus, channel: Pick<Channel, 'id' | 'type'>, item: InboundMessageItem | InboundFollowItem, at: Date) {
  if (item.kind === 'unfollow') {
    return tx.repository(Conversation).lockOne({ channelId: channel.id, threadId: item.threadId }).then((conversation) => ({ conversation, created: false }));
  }
  return findOrOpenConversation(tx, commandBus, channel, item.threadId, item.sender, at);
}

/** A platform's delivery report on messages we sent: by their id (WhatsApp), or everything up to a watermark in the thread (Messenger). */
async function applyStatus(tx: TenantTx, channelId: string, item: InboundStatusItem, at: Date): Promise<void> {
  const patch = { deliveryStatus: item.status, deliveryUpdatedAt: item.at ?? at, ...(item.status === 'failed' ? { deliveryError: item.error ?? 'failed' } : {}) };
  const earlier = In(EARLIER_STATUSES[item.status]);
  if (item.platformMessageId !== null) {
    await tx.repository(Message).update({ channelId, platformMessageId: item.platformMessageId, direction: 'outbound', deliveryStatus: earlier }, patch);
    return;
  }
  if (item.watermark === undefined) return;
  const conversation = await tx.repository(Conversation).findOne({ channelId, threadId: item.threadId });
  if (conversation === null) return;
  await tx.repository(Message).update({ conversationId: conversation.id, direction: 'outbound', deliveryStatus: earlier, createdAt: LessThanOrEqual(item.watermark) }, patch);
}

/**
 * Stores what a webhook (or the widget) brought, once per platform event id: customers' messages
 * (opening the conversation, contact and lead when new), follows, and delivery statuses.
 */
export async function ingestInbound(tx: TenantTx, commandBus: CommandBus, channel: Pick<Channel, 'id' | 'type'>, items: InboundItem[], at = new Date()): Promise<IngestCounts> {
  const counts: IngestCounts = { stored: 0, duplicates: 0, statuses: 0, ignored: 0 };
  for (const item of items) {
    if (item.kind === 'ignored') {
      counts.ignored++;
    } else if (!(await firstTime(tx, channel.id, item.eventKey, at))) {
      counts.duplicates++;
    } else if (item.kind === 'status') {
      await applyStatus(tx, channel.id, item, at);
      counts.statuses++;
    } else if ((await storeInbound(tx, commandBus, channel, item, at)) !== null) {
      counts.stored++;
    } else {
      counts.ignored++;
    }
  }
  return counts;
}
