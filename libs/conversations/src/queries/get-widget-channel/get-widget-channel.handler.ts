import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { loadChannel } from '../../commands/channel-store';
import { GetWidgetChannelQuery, WidgetChannel } from './get-widget-channel.query';

@QueryHandler(GetWidgetChannelQuery)
export class GetWidgetChannelHandler extends TenantQueryHandler<GetWidgetChannelQuery, WidgetChannel> {
  protected async handle(query: GetWidgetChannelQuery, tx: TenantTx): Promise<WidgetChannel> {
    const channel = await loadChannel(tx, query.channelId);
    return { channelId: channel.id, allowedOrigins: channel.settings.allowedOrigins ?? [] };
  }
}
