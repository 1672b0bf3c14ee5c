import { TenantTx } from '@saler/platform';
import { Conversation } from '../domain/conversation.entity';
import { BotStep, Message, SenderType } from '../domain/message.entity';
import { ReplyQueued } from '../events/reply-queued.event';
import { countMessage } from './conversation-store';
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

/**
 * Stores an outbound reply and queues its delivery (ReplyQueued → the worker sends it), unless the
 * caller sends it itself (should it never, the stuck-delivery sweep sends it). The web widget has
 * nothing to push to: its replies are `sent` as soon as stored, and the widget polls.
 */
export async function storeReply(tx: TenantTx, conversation: Conversation, web: boolean, fields: ReplyFields, at = new Date()): Promise<Message> {
  const message = newMessage(tx.tenantId, conversation, {
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
  await tx.repository(Message).insert(message);
  await countMessage(tx, conversation, at, false);
  if (!web && fields.deliveredByCaller !== true) tx.publish(new ReplyQueued(tx.context, { conversationId: conversation.id, messageId: message.id }));
  return message;
}
