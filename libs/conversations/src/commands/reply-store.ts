import { TenantTx } from '@saler/platform';
import { Conversation } from '../domain/conversation.entity';
import { BotStep, Message, SenderType } from '../domain/message.entity';
import { ReplyQueued } from '../events/reply-queued.event';
import { countOutbound } from './conversation-store';
import { newMessage } from './message-factory';

export interface ReplyFields {
  senderType: Extract<SenderType, 'bot' | 'agent'>;
  senderId: string | null;
  text: string;
  /** The customer's message this answers (its receipt time gives the latency). */
  replyTo: Pick<Message, 'id' | 'createdAt' | 'replyToken'> | null;
  fromFaq?: boolean;
  faqId?: string | null;
  faqScore?: number | null;
  motion?: string | null;
  botSteps?: BotStep[] | null;
  /** The caller sends it itself once the transaction commits (the bot, in the worker): stored with its first attempt taken, no ReplyQueued, no queue hop. */
  deliveredByCaller?: boolean;
}

/** A reply to store on a conversation; `web`: on the web widget, which has nothing to push to. */
export interface ReplyDraft {
  conversation: Pick<Conversation, 'id' | 'channelId'>;
  web: boolean;
  fields: ReplyFields;
}

function replyMessage(tenantId: string, { conversation, web, fields }: ReplyDraft, at: Date): Message {
  return newMessage(tenantId, conversation, {
    direction: 'outbound',
    senderType: fields.senderType,
    senderId: fields.senderId,
    contentType: 'text',
    text: fields.text,
    deliveryStatus: web ? 'sent' : 'queued',
    deliveryAttempts: !web && fields.deliveredByCaller === true ? 1 : 0,
    deliveryUpdatedAt: at,
    replyToId: fields.replyTo?.id ?? null,
    latencyMs: fields.replyTo ? Math.max(0, at.getTime() - fields.replyTo.createdAt.getTime()) : null,
    fromFaq: fields.fromFaq ?? false,
    faqId: fields.faqId ?? null,
    faqScore: fields.faqScore ?? null,
    motion: fields.motion ?? null,
    botSteps: fields.botSteps ?? null,
    replyToken: fields.replyTo?.replyToken ?? null,
    createdAt: at,
  });
}

/**
 * Stores outbound replies, in order, in one statement, counts them on their conversations, and
 * queues the delivery of each (ReplyQueued → the worker sends it) unless its caller sends it itself
 * (should it never, the stuck-delivery sweep sends it). The web widget's replies are `sent` as soon
 * as stored: the widget polls.
 */
export async function storeReplies(tx: TenantTx, drafts: ReplyDraft[], at = new Date()): Promise<Message[]> {
  const messages = drafts.map((draft) => replyMessage(tx.tenantId, draft, at));
  await tx.repository(Message).insertBulk(messages);
  const perConversation = new Map<string, number>();
  for (const { conversationId } of messages) perConversation.set(conversationId, (perConversation.get(conversationId) ?? 0) + 1);
  await countOutbound(tx, perConversation, at);
  drafts.forEach(({ web, fields }, index) => {
    if (!web && fields.deliveredByCaller !== true) tx.publish(new ReplyQueued(tx.context, { conversationId: messages[index].conversationId, messageId: messages[index].id }));
  });
  return messages;
}

/** storeReplies() for one reply. */
export async function storeReply(tx: TenantTx, conversation: Pick<Conversation, 'id' | 'channelId'>, web: boolean, fields: ReplyFields, at = new Date()): Promise<Message> {
  const [message] = await storeReplies(tx, [{ conversation, web, fields }], at);
  return message;
}
