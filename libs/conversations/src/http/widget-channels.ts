import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { RouteCorsPolicy, SYSTEM_ACTOR } from '@saler/platform';
import { ChannelDirectory } from '../commands/channel-directory';
import { GetWidgetChannelQuery } from '../queries/get-widget-channel/get-widget-channel.query';

export interface Widget {
  tenantId: string;
  channelId: string;
  allowedOrigins: string[];
}

const TTL_MS = 30_000;
const WIDGET_URL = /^\/api\/v1\/widget\/([A-Za-z0-9_-]{1,64})\//;

/**
 * Widget public key → its tenant, channel and allowed origins, cached for 30 s per process (an
 * origin change reaches every process within that). Also the CORS policy of the widget routes.
 */
@Injectable()
export class WidgetChannels implements RouteCorsPolicy {
  private readonly cache = new Map<string, { widget: Widget | null; expires: number }>();

  constructor(
    private readonly directory: ChannelDirectory,
    private readonly queryBus: QueryBus,
  ) {}

  async byPublicKey(publicKey: string, requestId: string): Promise<Widget | null> {
    const hit = this.cache.get(publicKey);
    if (hit !== undefined && hit.expires > Date.now()) return hit.widget;
    const route = await this.directory.byPublicKey(publicKey);
    const widget =
      route === null || route.type !== 'web'
        ? null
        : { tenantId: route.tenantId, ...(await this.queryBus.execute(new GetWidgetChannelQuery({ tenantId: route.tenantId, actor: SYSTEM_ACTOR, requestId }, route.channelId))) };
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(publicKey, { widget, expires: Date.now() + TTL_MS });
    return widget;
  }

  async originsFor(url: string): Promise<string[] | undefined> {
    const match = WIDGET_URL.exec(url);
    if (match === null) return undefined;
    return (await this.byPublicKey(match[1], 'cors'))?.allowedOrigins ?? [];
  }
}
