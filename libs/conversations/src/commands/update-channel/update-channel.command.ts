import { TenantCommand, TenantContext } from '@saler/platform';
import { ChannelView } from '../channel.view';
import { UpdateChannelRequest } from './update-channel.request';

export class UpdateChannelCommand extends TenantCommand<ChannelView> {
  constructor(
    context: TenantContext,
    readonly channelId: string,
    readonly changes: UpdateChannelRequest,
    readonly expectedVersion: number | undefined,
  ) {
    super(context);
  }
}
