import { CommandBus } from '@nestjs/cqrs';
import { In, LessThanOrEqual } from 'typeorm';
import { newId, TenantContext, TenantTx } from '@saler/platform';
import { Channel } from '../domain/channel.entity';
import { Conversation } from '../domain/conversation.entity';
import { InboundEvent } from '../domain/inbound-event.entity';
import { DeliveryStatus, Message } from '../domain/message.entity';
import type { InboundFollowItem, InboundIgnoredItem, InboundItem, InboundMessageItem, InboundStatusItem } from '../domain/webhooks/inbound-item';
import { MessageReceived } from '../events/message-received.event';
import { countInbound, openConversations } from './conversation-store';
import { newMessage } from './message-factory';

export interface IngestCounts {
  stored: number;
  duplicates: number;
  statuses: number;
  ignored: number;
}

/** What one webhook delivery (or widget post) brought, in its own context. */
export interface Delivery {
  context: TenantContext;
  items: InboundItem[];
}

/** A status only moves forward; `failed` can replace only queued or sent. */
const EARLIER_STATUSES: Record<InboundStatusItem['status'], DeliveryStatus[]> = {
  sent: ['queued'],
  delivered: ['queued', 'sent'],
  read: ['queued', 'sent', 'delivered'],
  failed: ['queued', 'sent'],
};

/** A customer's message or follow taken in, with the context of the delivery that brought it. */
interface Received {
  item: InboundMessageItem | InboundFollowItem;
  context: TenantContext;
}

/**
 * Stores customers' messages and follows, in order: the conversations of known threads are counted in
 * one statement (no read first), those of new threads opened with their contact and lead, the
 * messages inserted in one statement, each with its MessageReceived. Returns whether each was stored:
 * an unfollow of a thread we never saw opens nothing.
 */
async function storeInbound(tx: TenantTx, commandBus: CommandBus, channel: Pick<Channel, 'id' | 'type'>, received: Received[], at: Date): Promise<boolean[]> {
  if (received.length === 0) return [];
  const perThread = new Map<string, number>();
  for (const { item } of received) perThread.set(item.threadId, (perThread.get(item.threadId) ?? 0) + 1);
  const conversations = new Map<string, Pick<Conversation, 'id' | 'contactId'>>((await countInbound(tx, channel.id, perThread, at)).map((found) => [found.threadId, found]));
  const toOpen = new Map<string, InboundMessageItem | InboundFollowItem>();
  const perNewThread = new Map<string, number>();
  const stored = received.map(({ item }) => {
    if (conversations.has(item.threadId)) return true;
    if (!toOpen.has(item.threadId)) {
      if (item.kind === 'unfollow') return false;
      toOpen.set(item.threadId, item);
    }
    perNewThread.set(item.threadId, (perNewThread.get(item.threadId) ?? 0) + 1);
    return true;
  });
  const threads = [...toOpen].map(([threadId, item]) => ({ threadId, sender: item.sender, inbound: perNewThread.get(threadId) as number }));
  for (const conversation of await openConversations(tx, commandBus, channel, threads, at)) conversations.set(conversation.threadId, conversation);
  const messages = received.flatMap(({ item, context }, index) => {
    if (!stored[index]) return [];
    const conversation = conversations.get(item.threadId) as Pick<Conversation, 'id' | 'contactId'>;
    const follow = item.kind !== 'message';
    const message = newMessage(tx.tenantId, { id: conversation.id, channelId: channel.id }, {
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
    // A new conversation is new to its first message only (the bot greets once).
    tx.publish(new MessageReceived(context, { conversationId: conversation.id, messageId: message.id, newConversation: toOpen.delete(item.threadId) }));
    return [message];
  });
  // The messages and every event so far (theirs, and the new customers') in one statement.
  await tx.flushOutbox(tx.repository(Message).rows(messages));
  return stored;
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
  const [counts] = await ingestDeliveries(tx, commandBus, channel, [{ context: tx.context, items }], { at });
  return counts;
}

/** The channel is no longer the version the deliveries were verified with (a rotated secret, a removed channel): nothing was stored. */
export class ChannelChangedError extends Error {
  constructor() {
    super('The channel changed since its credentials were read');
  }
}

/**
 * ingestInbound() for several deliveries to one channel in one unit of work, in a few statements
 * whatever their number: every event id taken in one, the conversations counted in one, the messages
 * inserted in one. Counts per delivery. With `verifiedAt` (the channel's version whose credentials
 * the deliveries were verified with, cached), the event ids are taken only if the channel is still
 * live at that version, in the same statement; else ChannelChangedError.
 */
export async function ingestDeliveries(
  tx: TenantTx,
  commandBus: CommandBus,
  channel: Pick<Channel, 'id' | 'type'>,
  deliveries: Delivery[],
  { at = new Date(), verifiedAt }: { at?: Date; verifiedAt?: number } = {},
): Promise<IngestCounts[]> {
  const counts = deliveries.map((): IngestCounts => ({ stored: 0, duplicates: 0, statuses: 0, ignored: 0 }));
  const taken: { item: Exclude<InboundItem, InboundIgnoredItem>; context: TenantContext; counts: IngestCounts }[] = [];
  deliveries.forEach(({ context, items }, index) => {
    for (const item of items) {
      if (item.kind === 'ignored') counts[index].ignored++;
      else taken.push({ item, context, counts: counts[index] });
    }
  });
  const events = taken.map(({ item }) => ({ id: newId(), channelId: channel.id, eventKey: item.eventKey, receivedAt: at }));
  const firstTime =
    verifiedAt === undefined
      ? await tx.repository(InboundEvent).insertEachIfAbsent(events)
      : await tx.repository(InboundEvent).insertEachIfAbsent(events, tx.repository(Channel).whereExists({ id: channel.id, version: verifiedAt, deletedAt: null }));
  if (firstTime === null) throw new ChannelChangedError();
  const received: (Received & { counts: IngestCounts })[] = [];
  for (const [index, { item, context, counts: of }] of taken.entries()) {
    if (!firstTime[index]) {
      of.duplicates++;
    } else if (item.kind === 'status') {
      await applyStatus(tx, channel.id, item, at);
      of.statuses++;
    } else {
      received.push({ item, context, counts: of });
    }
  }
  const stored = await storeInbound(tx, commandBus, channel, received, at);
  received.forEach(({ counts: of }, index) => (stored[index] ? of.stored++ : of.ignored++));
  return counts;
}
