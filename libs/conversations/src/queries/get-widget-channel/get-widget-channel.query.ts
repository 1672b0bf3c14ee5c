import { TenantContext, TenantQuery } from '@saler/platform';

export interface WidgetChannel {
  channelId: string;
  allowedOrigins: string[];
}

/** The live web channel behind a widget's public key. */
export class GetWidgetChannelQuery extends TenantQuery<WidgetChannel> {
  constructor(
    context: TenantContext,
    readonly channelId: string,
  ) {
    super(context);
  }
}
