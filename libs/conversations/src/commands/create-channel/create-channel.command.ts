import { TenantCommand, TenantContext } from '@saler/platform';
import { ChannelView } from '../channel.view';
import { CreateChannelRequest } from './create-channel.request';

export class CreateChannelCommand extends TenantCommand<ChannelView> {
  constructor(
    context: TenantContext,
    readonly input: CreateChannelRequest,
  ) {
    super(context);
  }
}
