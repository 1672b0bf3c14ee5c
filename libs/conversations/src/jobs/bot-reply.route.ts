import { Injectable } from '@nestjs/common';
import { Actor, EventJobRoute, JOBS, QUEUES, RelayAsJob } from '@saler/platform';
import { BOT_TURN_BATCH } from '../commands/run-bot/run-bot.command';
import { MessageReceived } from '../events/message-received.event';

/** One customer message's bot turn, with the context of the request that stored it. */
export interface BotTurn {
  messageId: string;
  newConversation: boolean;
  actor: Actor;
  requestId: string;
}

export interface BotReplyJob {
  turns: BotTurn[];
}

/**
 * Customers' messages were committed: the bot's turns, enqueued by the outbox relay itself, as many of
 * a tenant's per job as the bot decides together (one queue job per batch, not per message).
 */
@Injectable()
@RelayAsJob(MessageReceived, QUEUES.CONVERSATIONS, JOBS.BOT_REPLY, { batch: BOT_TURN_BATCH })
export class BotReplyOnMessageReceived implements EventJobRoute<MessageReceived> {
  payload(events: MessageReceived[]): BotReplyJob {
    return {
      turns: events.map(({ payload, context }) => ({ messageId: payload.messageId, newConversation: payload.newConversation, actor: context.actor, requestId: context.requestId })),
    };
  }
}
