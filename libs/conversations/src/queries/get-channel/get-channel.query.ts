import { TenantContext, TenantQuery } from '@saler/platform';
import { ChannelView } from '../../commands/channel.view';

export class GetChannelQuery extends TenantQuery<ChannelView> {
  constructor(
    context: TenantContext,
    readonly channelId: string,
  ) {
    super(context);
  }
}
