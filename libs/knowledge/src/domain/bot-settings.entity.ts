import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/** Opening hours per weekday (`mon` … `sun`), each a list of `["09:00", "18:00"]` ranges in the tenant's time zone. */
export type BusinessHours = Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;

/** An OpenAI-compatible chat completions provider; its API key is sealed like channel credentials. */
export interface LlmProvider {
  baseUrl: string;
  model: string;
}

/** How a tenant's bot behaves. One row per tenant, seeded at registration. */
@Entity({ name: 'bot_settings' })
@Index('bot_settings_tenant_uq', ['tenantId'], { unique: true })
export class BotSettings extends TenantOwnedEntity {
  /** The lowest FAQ match score (0..1) the bot answers with. */
  @Column({ name: 'match_threshold', type: 'real' })
  matchThreshold: number;

  /** IANA time zone of the business hours. */
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  /** Null: always open. */
  @Column({ name: 'business_hours', type: 'jsonb', nullable: true })
  businessHours: BusinessHours | null;

  /** Locale → phrases that ask for a human ("operator", "оператор"). */
  @Column({ name: 'handoff_keywords', type: 'jsonb' })
  handoffKeywords: Record<string, string[]>;

  /** Locale → phrases that ask for a price ("how much", "сколько стоит"): the catalogue's quote step reads the message for a product and a car. */
  @Column({ name: 'price_keywords', type: 'jsonb' })
  priceKeywords: Record<string, string[]>;

  /** The language used when the customer's is unknown. */
  @Column({ name: 'default_locale', type: 'varchar', length: 16 })
  defaultLocale: string;

  @Column({ type: 'jsonb', nullable: true })
  llm: LlmProvider | null;

  @Column({ name: 'llm_api_key_sealed', type: 'text', nullable: true })
  llmApiKeySealed: string | null;

  @Column({ name: 'llm_api_key_hint', type: 'varchar', length: 8, nullable: true })
  llmApiKeyHint: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
