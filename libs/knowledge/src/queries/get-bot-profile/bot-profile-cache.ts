import { Injectable } from '@nestjs/common';
import type { BotSettingsFields } from '../../domain/bot-defaults';
import type { BotProfileText } from '../../domain/bot-profile';

/** The bot asks on every customer message; settings and texts change rarely. Another process sees a change within this. */
const CACHE_MS = 5_000;
const MAX_TENANTS = 10_000;

export interface BotSource {
  settings: BotSettingsFields;
  texts: BotProfileText[];
}

/** A tenant's bot settings and texts, per process, for 5 s; this process's own writes forget their tenant at once. */
@Injectable()
export class BotProfileCache {
  private readonly entries = new Map<string, BotSource & { expires: number }>();

  async get(tenantId: string, load: () => Promise<BotSource>): Promise<BotSource> {
    const hit = this.entries.get(tenantId);
    if (hit !== undefined && hit.expires > Date.now()) return hit;
    const loaded = { ...(await load()), expires: Date.now() + CACHE_MS };
    if (this.entries.size >= MAX_TENANTS) this.entries.clear();
    this.entries.set(tenantId, loaded);
    return loaded;
  }

  forget(tenantId: string): void {
    this.entries.delete(tenantId);
  }
}
