import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../database/tenant-owned.entity';

/** One domain event waiting for (or done with) relay to the queue. Written in the handler's transaction. */
@Entity({ name: 'outbox' })
@Index('outbox_pending_idx', ['id'], { where: 'published_at IS NULL' })
export class OutboxMessage extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 100 })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
