import { TenantCommand, TenantContext } from '@saler/platform';
import type { WebhookRequest, WebhookType } from '../../domain/webhooks/webhook-platforms';
import type { IngestCounts } from '../ingest-inbound';

/** A platform's webhook POST for one channel: verify, dedupe, store, acknowledge. */
export class ReceiveWebhookCommand extends TenantCommand<IngestCounts> {
  constructor(
    context: TenantContext,
    readonly channelId: string,
    readonly type: WebhookType,
    readonly request: WebhookRequest,
  ) {
    super(context);
  }
}
