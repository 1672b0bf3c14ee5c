import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@saler/platform';
import { ChannelRoute } from '../domain/channel-route.entity';

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Public URL → tenant, before any tenant is known: the global channel_routes table, cached for 30 s
 * per process (a route never changes tenant; a removed channel is refused again in the tenant's own
 * transaction, so a stale entry cannot let anything through).
 */
@Injectable()
export class ChannelDirectory {
  private readonly cache = new Map<string, { route: ChannelRoute | null; expires: number }>();

  constructor(private readonly unitOfWork: UnitOfWork) {}

  byId(channelId: string): Promise<ChannelRoute | null> {
    return this.cached(`id:${channelId}`, () => this.unitOfWork.runGlobal((tx) => tx.global(ChannelRoute).findOneBy({ channelId })));
  }

  byPublicKey(publicKey: string): Promise<ChannelRoute | null> {
    return this.cached(`pk:${publicKey}`, () => this.unitOfWork.runGlobal((tx) => tx.global(ChannelRoute).findOneBy({ publicKey })));
  }

  private async cached(key: string, load: () => Promise<ChannelRoute | null>): Promise<ChannelRoute | null> {
    const hit = this.cache.get(key);
    if (hit !== undefined && hit.expires > Date.now()) return hit.route;
    const route = await load();
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { route: route?.active ? route : null, expires: Date.now() + TTL_MS });
    return route?.active ? route : null;
  }
}
