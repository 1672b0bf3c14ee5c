import { TenantCommand, TenantContext } from '@saler/platform';
import { WidgetMessageView } from '../widget-message.view';
import { PostWidgetMessageRequest } from './post-widget-message.request';

/** A visitor wrote in the web widget. */
export class PostWidgetMessageCommand extends TenantCommand<WidgetMessageView> {
  constructor(
    context: TenantContext,
    readonly channelId: string,
    readonly input: PostWidgetMessageRequest,
  ) {
    super(context);
  }
}
