import { TenantContext, TenantQuery } from '@saler/platform';
import { ChannelPage } from '../../commands/channel.view';

export class ListChannelsQuery extends TenantQuery<ChannelPage> {
  constructor(
    context: TenantContext,
    readonly page: { limit: number; cursor?: string },
  ) {
    super(context);
  }
}
