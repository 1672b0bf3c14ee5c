import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, CredentialCipher, isUniqueViolation, newId, secretHint, staleProblem, TenantCommandHandler, TenantTx, UnitOfWork, ValidationProblem } from '@saler/platform';
import { BotSettingsFields } from '../../domain/bot-defaults';
import { BotSettings } from '../../domain/bot-settings.entity';
import { writeConflict } from '../../domain/knowledge-problems';
import { trimLocalePhrases } from '../../domain/locale-phrases';
import { llmKeyContext, orDefaultBotSettings } from '../bot-settings-store';
import { BotSettingsView, toBotSettingsView, toLlmProviderView } from '../bot-settings.view';
import { privateLiteralHost } from '../../queries/ask-llm/public-network';
import { BotProfileCache } from '../../queries/get-bot-profile/bot-profile-cache';
import { UpdateBotSettingsCommand } from './update-bot-settings.command';
import { LlmProviderRequest, UpdateBotSettingsRequest } from './update-bot-settings.request';

type LlmFields = Pick<BotSettingsFields, 'llm' | 'llmApiKeySealed' | 'llmApiKeyHint'>;

/** What the audit log keeps of the settings: what the API shows, so never the key. */
const settingsAudit = (settings: BotSettingsFields): Record<keyof UpdateBotSettingsRequest, unknown> => ({
  matchThreshold: settings.matchThreshold,
  timezone: settings.timezone,
  businessHours: settings.businessHours,
  handoffKeywords: settings.handoffKeywords,
  priceKeywords: settings.priceKeywords,
  defaultLocale: settings.defaultLocale,
  llm: toLlmProviderView(settings),
});

@CommandHandler(UpdateBotSettingsCommand)
export class UpdateBotSettingsHandler extends TenantCommandHandler<UpdateBotSettingsCommand, BotSettingsView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cipher: CredentialCipher,
    private readonly profiles: BotProfileCache,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'llm'>,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: UpdateBotSettingsCommand, tx: TenantTx): Promise<BotSettingsView> {
    const { changes } = command;
    // The row is locked until commit: concurrent changes apply one after another, each with its own version.
    const before = orDefaultBotSettings(await tx.repository(BotSettings).lockOne({}));
    if (command.expectedVersion !== undefined && command.expectedVersion !== before.version) throw staleProblem('bot settings');
    const fields: BotSettingsFields = {
      matchThreshold: changes.matchThreshold ?? before.matchThreshold,
      timezone: changes.timezone ?? before.timezone,
      businessHours: changes.businessHours !== undefined ? changes.businessHours : before.businessHours,
      handoffKeywords: changes.handoffKeywords !== undefined ? trimLocalePhrases(changes.handoffKeywords) : before.handoffKeywords,
      priceKeywords: changes.priceKeywords !== undefined ? trimLocalePhrases(changes.priceKeywords) : before.priceKeywords,
      defaultLocale: changes.defaultLocale ?? before.defaultLocale,
      ...(changes.llm !== undefined ? this.llmFields(changes.llm, before, tx.tenantId) : { llm: before.llm, llmApiKeySealed: before.llmApiKeySealed, llmApiKeyHint: before.llmApiKeyHint }),
    };
    const id = before.id ?? newId();
    const version = before.version + 1;
    const updatedAt = new Date();
    if (before.id === null) await insertSettings(tx, { id, ...fields, version, updatedAt });
    else await tx.repository(BotSettings).update({ id }, { ...fields, version, updatedAt });
    const changed = (Object.keys(changes) as (keyof UpdateBotSettingsRequest)[]).filter((key) => changes[key] !== undefined);
    const [was, is] = [settingsAudit(before), settingsAudit(fields)];
    tx.audit({
      action: 'bot_settings.updated',
      entityType: 'bot_settings',
      entityId: id,
      before: Object.fromEntries(changed.map((key) => [key, was[key]])),
      after: Object.fromEntries(changed.map((key) => [key, is[key]])),
    });
    this.profiles.forget(tx.tenantId);
    return toBotSettingsView({ ...fields, id, version, updatedAt });
  }

  /** null removes the provider and its key; a provider sent without apiKey keeps the stored key, so there must be one. */
  private llmFields(llm: LlmProviderRequest | null, before: LlmFields, tenantId: string): LlmFields {
    if (llm === null) return { llm: null, llmApiKeySealed: null, llmApiKeyHint: null };
    const host = this.config.llm.allowPrivateNetwork ? null : privateLiteralHost(llm.baseUrl);
    if (host !== null) throw new ValidationProblem([{ field: 'llm.baseUrl', message: `llm.baseUrl must be on the public internet; ${host} is not (LLM_ALLOW_PRIVATE_NETWORK allows it)` }]);
    const provider = { baseUrl: llm.baseUrl, model: llm.model };
    if (llm.apiKey !== undefined) return { llm: provider, llmApiKeySealed: this.cipher.seal(llm.apiKey, llmKeyContext(tenantId)), llmApiKeyHint: secretHint(llm.apiKey) };
    if (before.llmApiKeySealed === null) throw new ValidationProblem([{ field: 'llm.apiKey', message: 'llm.apiKey is required: no key is stored yet' }]);
    return { llm: provider, llmApiKeySealed: before.llmApiKeySealed, llmApiKeyHint: before.llmApiKeyHint };
  }
}

/** Tenants registered before bot settings existed have no row yet; of two first writers racing, the loser gets a 409 to retry. */
async function insertSettings(tx: TenantTx, row: Omit<BotSettings, 'tenantId'>): Promise<void> {
  try {
    await tx.repository(BotSettings).insert(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw writeConflict('bot settings');
    throw error;
  }
}
