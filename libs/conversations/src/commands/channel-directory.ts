import { Injectable } from '@nestjs/common';
import { TtlCache, UnitOfWork } from '@saler/platform';
import { ChannelRoute } from '../domain/channel-route.entity';

/**
 * Public URL → tenant, before any tenant is known: the global channel_routes table, cached for 30 s
 * per process (a route never changes tenant; a removed channel is refused again in the tenant's own
 * transaction, so a stale entry cannot let anything through).
 */
@Injectable()
export class ChannelDirectory {
  private readonly cache = new TtlCache<ChannelRoute | null>(30_000);

  constructor(private readonly unitOfWork: UnitOfWork) {}

  byId(channelId: string): Promise<ChannelRoute | null> {
    return this.cached(`id:${channelId}`, { channelId });
  }

  byPublicKey(publicKey: string): Promise<ChannelRoute | null> {
    return this.cached(`pk:${publicKey}`, { publicKey });
  }

  private cached(key: string, where: { channelId: string } | { publicKey: string }): Promise<ChannelRoute | null> {
    return this.cache.get(key, async () => {
      const route = await this.unitOfWork.runGlobal((tx) => tx.global(ChannelRoute).findOneBy(where));
      return route?.active ? route : null;
    });
  }
}
