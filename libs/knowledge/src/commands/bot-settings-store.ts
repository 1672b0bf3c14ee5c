import { TenantTx } from '@saler/platform';
import { BotSettingsFields, DEFAULT_BOT_SETTINGS } from '../domain/bot-defaults';
import { BotSettings } from '../domain/bot-settings.entity';

/** A tenant's bot settings as read: its row, or the defaults (no id, version 0) for a tenant registered before bot settings existed. */
export type CurrentBotSettings = BotSettingsFields & { id: string | null; version: number; updatedAt: Date | null };

export const orDefaultBotSettings = (row: BotSettings | null): CurrentBotSettings => row ?? { ...DEFAULT_BOT_SETTINGS, id: null, version: 0, updatedAt: null };

export async function currentBotSettings(tx: TenantTx): Promise<CurrentBotSettings> {
  return orDefaultBotSettings(await tx.repository(BotSettings).findOne({}));
}

/** The context an LLM API key is sealed with: a sealed key copied to another tenant does not open. */
export const llmKeyContext = (tenantId: string): string => `bot-settings:${tenantId}`;
