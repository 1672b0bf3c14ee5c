import { Module } from '@nestjs/common';
import { SweepIdleConversationsHandler } from './commands/sweep-idle-conversations/sweep-idle-conversations.handler';
import { SweepStuckDeliveriesHandler } from './commands/sweep-stuck-deliveries/sweep-stuck-deliveries.handler';
import { ImportLegacyConversationHandler } from './commands/import-legacy-conversation/import-legacy-conversation.handler';
import { SweepRetentionHandler } from './commands/sweep-retention/sweep-retention.handler';
import { PurgeStaleConversationsHandler } from './commands/purge-stale-conversations/purge-stale-conversations.handler';
import { SummarizeConversationHandler } from './commands/summarize-conversation/summarize-conversation.handler';
import { PlatformSenders } from './domain/outbound/platform-senders';
import { LearnFromAgentReplyHandler } from './commands/learn-from-agent-reply/learn-from-agent-reply.handler';
import { DeliverMessageHandler } from './commands/deliver-message/deliver-message.handler';
import { RunBotHandler } from './commands/run-bot/run-bot.handler';
import { UpdateConversationHandler } from './commands/update-conversation/update-conversation.handler';
import { SendAgentReplyHandler } from './commands/send-agent-reply/send-agent-reply.handler';
import { ListMessagesHandler } from './queries/list-messages/list-messages.handler';
import { ListConversationsHandler } from './queries/list-conversations/list-conversations.handler';
import { GetConversationHandler } from './queries/get-conversation/get-conversation.handler';
import { ChannelDirectory } from './commands/channel-directory';
import { CreateChannelHandler } from './commands/create-channel/create-channel.handler';
import { DeleteChannelHandler } from './commands/delete-channel/delete-channel.handler';
import { PostWidgetMessageHandler } from './commands/post-widget-message/post-widget-message.handler';
import { ReceiveWebhookHandler } from './commands/receive-webhook/receive-webhook.handler';
import { UpdateChannelHandler } from './commands/update-channel/update-channel.handler';
import { GetChannelHandler } from './queries/get-channel/get-channel.handler';
import { GetWidgetChannelHandler } from './queries/get-widget-channel/get-widget-channel.handler';
import { ListChannelsHandler } from './queries/list-channels/list-channels.handler';
import { ListWidgetMessagesHandler } from './queries/list-widget-messages/list-widget-messages.handler';
import { VerifyWebhookHandler } from './queries/verify-webhook/verify-webhook.handler';

/** Channels, inbound webhooks, conversations and messages: handlers. */
@Module({
  providers: [
    SweepIdleConversationsHandler,
    SweepStuckDeliveriesHandler,
    ImportLegacyConversationHandler,
    SweepRetentionHandler,
    PurgeStaleConversationsHandler,
    SummarizeConversationHandler,
    PlatformSenders,
    LearnFromAgentReplyHandler,
    DeliverMessageHandler,
    RunBotHandler,
    UpdateConversationHandler,
    SendAgentReplyHandler,
    ListMessagesHandler,
    ListConversationsHandler,
    GetConversationHandler,
    ChannelDirectory,
    CreateChannelHandler,
    DeleteChannelHandler,
    GetChannelHandler,
    GetWidgetChannelHandler,
    ListChannelsHandler,
    ListWidgetMessagesHandler,
    PostWidgetMessageHandler,
    ReceiveWebhookHandler,
    UpdateChannelHandler,
    VerifyWebhookHandler,
  ],
  exports: [ChannelDirectory],
})
export class ConversationsModule {}
