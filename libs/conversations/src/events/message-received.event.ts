import { DomainEvent, DomainEventType } from '@saler/platform';

/** A customer's message (or follow) was stored; the bot answers it in the worker when the conversation has the bot on. */
@DomainEventType('conversation.message_received')
export class MessageReceived extends DomainEvent<{ conversationId: string; messageId: string; newConversation: boolean }> {}
