import { newId } from '@saler/platform';
import type { Conversation } from '../domain/conversation.entity';
import type { Message } from '../domain/message.entity';

export type MessageFields = Pick<Message, 'direction' | 'senderType' | 'senderId' | 'contentType' | 'text' | 'createdAt'> & Partial<Omit<Message, 'tenantId' | 'id' | 'conversationId' | 'channelId'>>;

/** A new message of a conversation: what the caller knows, every other field at its empty value. */
export function newMessage(tenantId: string, conversation: Pick<Conversation, 'id' | 'channelId'>, fields: MessageFields): Message {
  return {
    tenantId,
    id: newId(),
    conversationId: conversation.id,
    channelId: conversation.channelId,
    attachments: [],
    platformMessageId: null,
    deliveryStatus: null,
    deliveryError: null,
    deliveryAttempts: 0,
    deliveryUpdatedAt: null,
    deliveryPartsSent: 0,
    replyToId: null,
    latencyMs: null,
    fromFaq: false,
    faqId: null,
    faqScore: null,
    motion: null,
    botSteps: null,
    replyToken: null,
    platformSentAt: null,
    ...fields,
  };
}
