import { TenantContext, TenantQuery } from '@saler/platform';
import { WidgetMessageList } from '../../commands/widget-message.view';

/** A visitor's conversation on a web channel, oldest first, after a message id (polling). */
export class ListWidgetMessagesQuery extends TenantQuery<WidgetMessageList> {
  constructor(
    context: TenantContext,
    readonly channelId: string,
    readonly visitorId: string,
    readonly after: string | undefined,
    readonly limit: number,
  ) {
    super(context);
  }
}
