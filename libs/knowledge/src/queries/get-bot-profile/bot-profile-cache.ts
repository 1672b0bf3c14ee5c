import { Injectable } from '@nestjs/common';
import { TtlCache } from '@saler/platform';
import type { BotSettingsFields } from '../../domain/bot-defaults';
import type { BotProfileText } from '../../domain/bot-profile';

export interface BotSource {
  settings: BotSettingsFields;
  texts: BotProfileText[];
}

/**
 * A tenant's bot settings and texts, per process, for 5 s (the bot asks on every customer message;
 * they change rarely): this process's own writes forget their tenant at once, another process sees a
 * change within 5 s.
 */
@Injectable()
export class BotProfileCache extends TtlCache<BotSource> {
  constructor() {
    super(5_000);
  }
}
