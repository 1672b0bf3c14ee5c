import { Module } from '@nestjs/common';
import { ConversationsModule } from './conversations.module';
import { BotReplyProcessor } from './jobs/bot-reply.processor';
import { ConversationSummaryProcessor, IdleConversationsSweepProcessor } from './jobs/conversation-summary.processor';
import { DeliverySweepProcessor } from './jobs/delivery-sweep.processor';
import { LearnOnAgentReplied } from './jobs/learn-on-agent-replied.event-handler';
import { MessageDeliveryProcessor } from './jobs/message-delivery.processor';
import { BotReplyOnMessageReceived } from './jobs/bot-reply.route';
import { QueueDeliveryOnReplyQueued } from './jobs/queue-delivery.event-handler';
import { DailyRetentionProcessor, TenantRetentionProcessor } from './jobs/retention.processors';

/** The bot, outbound delivery, learning, summaries and retention: run by the worker, or by the api itself on the inline queue. */
@Module({
  imports: [ConversationsModule],
  providers: [BotReplyOnMessageReceived, BotReplyProcessor, QueueDeliveryOnReplyQueued, MessageDeliveryProcessor, LearnOnAgentReplied, ConversationSummaryProcessor, DailyRetentionProcessor, TenantRetentionProcessor, DeliverySweepProcessor, IdleConversationsSweepProcessor],
})
export class ConversationsJobsModule {}
