import { TenantCommand, TenantContext } from '@saler/platform';

/** Removes a channel: its webhooks answer 404 from now on; its conversations and messages stay. */
export class DeleteChannelCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly channelId: string,
  ) {
    super(context);
  }
}
