import { SYSTEM_ACTOR, TenantContext } from '@saler/platform';
import { ChannelDirectory } from '../commands/channel-directory';
import { notFound } from '../domain/conversation-problems';
import type { WebhookType } from '../domain/webhooks/webhook-platforms';

/** The tenant a webhook URL's channel belongs to, acting as the system; 404 when no channel of that type has the id. */
export async function webhookContext(directory: ChannelDirectory, channelId: string, type: WebhookType, requestId: string): Promise<TenantContext> {
  const route = await directory.byId(channelId);
  if (route === null || route.type !== type) throw notFound('channel');
  return { tenantId: route.tenantId, actor: SYSTEM_ACTOR, requestId };
}
