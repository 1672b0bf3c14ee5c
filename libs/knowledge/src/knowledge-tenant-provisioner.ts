import { Injectable } from '@nestjs/common';
import { newId, ProvisionsTenants, TenantProvisioner, TenantTx } from '@saler/platform';
import { DEFAULT_BOT_SETTINGS, DEFAULT_BOT_TEXTS } from './domain/bot-defaults';
import { BotSettings } from './domain/bot-settings.entity';
import { BOT_TEXT_KEYS, BotText } from './domain/bot-text.entity';

/** A new tenant gets, in its registration's transaction, the default bot settings and the default bot texts in English and Russian (version 1). */
@Injectable()
@ProvisionsTenants()
export class KnowledgeTenantProvisioner implements TenantProvisioner {
  async provision(tx: TenantTx): Promise<void> {
    const now = new Date();
    await tx.repository(BotSettings).insert({ id: newId(), ...DEFAULT_BOT_SETTINGS, version: 1, updatedAt: now });
    const texts = Object.entries(DEFAULT_BOT_TEXTS).flatMap(([locale, byKey]) => BOT_TEXT_KEYS.map((key) => ({ id: newId(), key, locale, text: byKey[key], version: 1, updatedAt: now })));
    await tx.repository(BotText).insert(texts);
  }
}
