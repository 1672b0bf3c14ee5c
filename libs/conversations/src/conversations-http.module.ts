import { Module } from '@nestjs/common';
import { ROUTE_CORS_POLICY } from '@saler/platform';
import { ConversationsModule } from './conversations.module';
import { ChannelsController } from './http/channels.controller';
import { ConversationsController } from './http/conversations.controller';
import { ReceiveWebhookRoute } from './http/receive-webhook.route';
import { WebhooksController } from './http/webhooks.controller';
import { WidgetChannels } from './http/widget-channels';
import { WidgetController } from './http/widget.controller';

@Module({
  imports: [ConversationsModule],
  controllers: [ChannelsController, ConversationsController, WebhooksController, WidgetController],
  providers: [ReceiveWebhookRoute, WidgetChannels, { provide: ROUTE_CORS_POLICY, useExisting: WidgetChannels }],
})
export class ConversationsHttpModule {}
