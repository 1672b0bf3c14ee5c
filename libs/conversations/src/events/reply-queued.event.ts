import { DomainEvent, DomainEventType } from '@saler/platform';

/** A bot or agent reply was stored with delivery status `queued`: the worker sends it to the platform. */
@DomainEventType('conversation.reply_queued')
export class ReplyQueued extends DomainEvent<{ conversationId: string; messageId: string }> {}
