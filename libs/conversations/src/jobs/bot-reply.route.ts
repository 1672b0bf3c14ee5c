import { Injectable } from '@nestjs/common';
import { EventJobRoute, JOBS, QUEUES, RelayAsJob } from '@saler/platform';
import { MessageReceived } from '../events/message-received.event';

export interface BotReplyJob {
  messageId: string;
  newConversation: boolean;
}

/** A customer's message was committed: the bot's turn, one job per message, enqueued by the outbox relay itself. */
@Injectable()
@RelayAsJob(MessageReceived, QUEUES.CONVERSATIONS, JOBS.BOT_REPLY)
export class BotReplyOnMessageReceived implements EventJobRoute<MessageReceived> {
  job(event: MessageReceived): { payload: BotReplyJob; jobId: string } {
    const { messageId, newConversation } = event.payload;
    return { payload: { messageId, newConversation }, jobId: `bot-reply.${messageId}` };
  }
}
