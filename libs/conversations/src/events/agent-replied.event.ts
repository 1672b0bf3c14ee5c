import { DomainEvent, DomainEventType } from '@saler/platform';

/** An agent answered in a conversation (the bot is off there now); `replyToId` is the customer's message it answers. */
@DomainEventType('conversation.agent_replied')
export class AgentReplied extends DomainEvent<{ conversationId: string; messageId: string; replyToId: string | null }> {}
