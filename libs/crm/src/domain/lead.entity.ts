import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Contact } from './contact.entity';
import { Stage, StageKind } from './stage.entity';

export const LEAD_SOURCES = ['manual', 'import', 'web', 'telegram', 'messenger', 'whatsapp', 'line', 'api'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export type LeadStatus = StageKind;

/** PostgreSQL returns bigint as a string; values in minor units stay far below 2^53. */
const bigintAsNumber = { to: (value: number | null) => value, from: (value: string | number | null) => (value === null ? null : Number(value)) };

/**
 * A sales opportunity with one contact, moving through a pipeline's stages. Every list sort has
 * its own index that starts with tenant_id and ends with id, so keyset pages stay cheap at any depth.
 */
@Entity({ name: 'leads' })
@Index('leads_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
@Index('leads_tenant_updated_idx', ['tenantId', 'updatedAt', 'id'])
@Index('leads_tenant_score_idx', ['tenantId', 'score', 'id'])
@Index('leads_tenant_value_idx', ['tenantId', 'valueMinor', 'id'])
@Index('leads_tenant_stage_idx', ['tenantId', 'stageId', 'createdAt'])
@Index('leads_tenant_assignee_idx', ['tenantId', 'assigneeId', 'createdAt'])
@Index('leads_tenant_contact_idx', ['tenantId', 'contactId'])
export class Lead extends TenantOwnedEntity {
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'value_minor', type: 'bigint', transformer: bigintAsNumber })
  valueMinor: number;

  /** ISO 4217. */
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 16 })
  source: LeadSource;

  @Column({ name: 'pipeline_id', type: 'uuid' })
  pipelineId: string;

  @Column({ name: 'stage_id', type: 'uuid' })
  stageId: string;

  /** The stage's kind, kept on the lead so status filters use an index. */
  @Column({ type: 'varchar', length: 8 })
  status: LeadStatus;

  @Column({ name: 'lost_reason', type: 'varchar', length: 500, nullable: true })
  lostReason: string | null;

  /** 0–100, recomputed by the scoring job. */
  @Column({ type: 'integer', default: 0 })
  score: number;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  /** The lead's tags for display; lead_tags holds the same set for filtering. */
  @Column({ type: 'jsonb' })
  tags: string[];

  @Column({ name: 'expected_close_date', type: 'date', nullable: true })
  expectedCloseDate: string | null;

  @Column({ name: 'last_activity_at', type: 'timestamptz' })
  lastActivityAt: Date;

  /** Messages received from the contact on this lead's conversations (a scoring signal). */
  @Column({ name: 'inbound_messages', type: 'integer', default: 0 })
  inboundMessages: number;

  /** When the contact first asked for a price quote (a scoring signal). */
  @Column({ name: 'quote_requested_at', type: 'timestamptz', nullable: true })
  quoteRequestedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Contact)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'contact_id', referencedColumnName: 'id' },
  ])
  contact?: Contact;

  @ManyToOne(() => Stage)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'stage_id', referencedColumnName: 'id' },
  ])
  stage?: Stage;
}
