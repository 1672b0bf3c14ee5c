import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/**
 * The fixed moments of a conversation, and the catalogue's price answers: `quote` (the price),
 * `quote_unavailable`, `quote_unpriced` (no price list entry yet), and the questions the bot asks
 * when a price question misses the car (`quote_ask_model`), names several (`quote_ask_which`) or
 * misses the product (`quote_ask_product`). Texts may use placeholders (bot-text-template.ts).
 */
export const BOT_TEXT_KEYS = ['greeting', 'fallback', 'handoff', 'out_of_hours', 'quote', 'quote_unavailable', 'quote_unpriced', 'quote_ask_model', 'quote_ask_which', 'quote_ask_product'] as const;
export type BotTextKey = (typeof BOT_TEXT_KEYS)[number];

/** What the bot says at each fixed moment, per tenant and language. Defaults are seeded at registration. */
@Entity({ name: 'bot_texts' })
@Index('bot_texts_key_uq', ['tenantId', 'key', 'locale'], { unique: true })
export class BotText extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 32 })
  key: BotTextKey;

  @Column({ type: 'varchar', length: 16 })
  locale: string;

  @Column({ type: 'varchar', length: 2000 })
  text: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
