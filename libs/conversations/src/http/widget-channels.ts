import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { RouteCorsPolicy, SYSTEM_ACTOR, TtlCache } from '@saler/platform';
import { ChannelDirectory } from '../commands/channel-directory';
import { GetWidgetChannelQuery } from '../queries/get-widget-channel/get-widget-channel.query';

export interface Widget {
  tenantId: string;
  channelId: string;
  allowedOrigins: string[];
}

const WIDGET_URL = /^\/api\/v1\/widget\/([A-Za-z0-9_-]{1,64})\//;

/**
 * Widget public key → its tenant, channel and allowed origins, cached for 30 s per process (an
 * origin change reaches every process within that). Also the CORS policy of the widget routes.
 */
@Injectable()
export class WidgetChannels implements RouteCorsPolicy {
  private readonly origins = new TtlCache<string[]>(30_000);

  constructor(
    private readonly directory: ChannelDirectory,
    private readonly queryBus: QueryBus,
  ) {}

  async byPublicKey(publicKey: string, requestId: string): Promise<Widget | null> {
    const route = await this.directory.byPublicKey(publicKey);
    if (route === null || route.type !== 'web') return null;
    const { tenantId, channelId } = route;
    const allowedOrigins = await this.origins.get(channelId, async () => (await this.queryBus.execute(new GetWidgetChannelQuery({ tenantId, actor: SYSTEM_ACTOR, requestId }, channelId))).allowedOrigins);
    return { tenantId, channelId, allowedOrigins };
  }

  async originsFor(url: string): Promise<string[] | undefined> {
    const match = WIDGET_URL.exec(url);
    if (match === null) return undefined;
    return (await this.byPublicKey(match[1], 'cors'))?.allowedOrigins ?? [];
  }
}
