import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/**
 * One append-only audit record. Each tenant's entries form a hash chain in id (UUIDv7) order:
 * hash = sha256(prev_hash || canonical entry). The database refuses UPDATE and DELETE.
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_tenant_seq_uq', ['tenantId', 'seq'], { unique: true })
@Index('audit_log_tenant_occurred_idx', ['tenantId', 'occurredAt'])
@Index('audit_log_tenant_entity_idx', ['tenantId', 'entityType', 'entityId'])
export class AuditEntry extends TenantOwnedEntity {
  /** Position in the tenant's chain (1, 2, …); assigned under a per-tenant lock. */
  @Column({ type: 'integer' })
  seq: number;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 60, nullable: true })
  entityType: string | null;

  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 400, nullable: true })
  userAgent: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
