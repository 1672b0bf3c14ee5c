import { TenantContext, TenantQuery } from '@saler/platform';

/** Messenger's and WhatsApp's subscription check: the challenge to echo, or null when the verify token is wrong. */
export class VerifyWebhookQuery extends TenantQuery<string | null> {
  constructor(
    context: TenantContext,
    readonly channelId: string,
    readonly type: 'messenger' | 'whatsapp',
    readonly query: Record<string, unknown>,
  ) {
    super(context);
  }
}
