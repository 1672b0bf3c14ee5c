import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

export const FAQ_STATUSES = ['active', 'suggested', 'archived'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

/**
 * A question the bot can answer. Only active FAQs are matched; suggested ones wait for a manager's
 * approval (the bot proposes them from agents' answers, `learned`), archived ones are kept but unused.
 */
@Entity({ name: 'faqs' })
@Index('faqs_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
@Index('faqs_tenant_status_idx', ['tenantId', 'status'])
export class Faq extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 500 })
  question: string;

  /** The search key of the question (see @saler/platform search-key.ts): what matching compares. */
  @Column({ name: 'question_key', type: 'varchar', length: 500 })
  questionKey: string;

  @Column({ type: 'varchar', length: 4000 })
  answer: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  category: string | null;

  /** A language tag; null means any language. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  locale: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: FaqStatus;

  /** How many times the bot answered with this FAQ. */
  @Column({ name: 'hit_count', type: 'integer', default: 0 })
  hitCount: number;

  /** Created by the bot from an agent's answer rather than by a person. */
  @Column({ type: 'boolean', default: false })
  learned: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
