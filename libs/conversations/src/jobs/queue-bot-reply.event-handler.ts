import { Inject, Injectable } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { JOBS, QUEUE_DRIVER, QueueDriver, QUEUES } from '@saler/platform';
import { MessageReceived } from '../events/message-received.event';

export interface BotReplyJob {
  messageId: string;
  newConversation: boolean;
}

/** A customer's message was committed: the bot's turn, one job per message. */
@Injectable()
@EventsHandler(MessageReceived)
export class QueueBotReplyOnMessageReceived implements IEventHandler<MessageReceived> {
  constructor(@Inject(QUEUE_DRIVER) private readonly queue: QueueDriver) {}

  async handle(event: MessageReceived): Promise<void> {
    const { context, payload } = event;
    const data: BotReplyJob = { messageId: payload.messageId, newConversation: payload.newConversation };
    await this.queue.add(QUEUES.CONVERSATIONS, JOBS.BOT_REPLY, { tenantId: context.tenantId, actor: context.actor, requestId: context.requestId, payload: data }, { jobId: `bot-reply.${payload.messageId}` });
  }
}
