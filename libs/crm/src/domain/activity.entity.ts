import { Column, Entity, Index } from 'typeorm';
import { ActorType, TenantOwnedEntity } from '@saler/platform';

export const USER_ACTIVITY_TYPES = ['note', 'call'] as const;
export const SYSTEM_ACTIVITY_TYPES = ['lead_created', 'stage_change', 'assignment', 'won', 'lost', 'merge', 'import', 'message_summary', 'quote_requested'] as const;
export type ActivityType = (typeof USER_ACTIVITY_TYPES)[number] | (typeof SYSTEM_ACTIVITY_TYPES)[number];

/**
 * One entry of a timeline: a note or a call an agent logs, or a fact a command records (stage
 * change, assignment, merge, import). Belongs to a lead, a contact, or both.
 */
@Entity({ name: 'activities' })
@Index('activities_lead_idx', ['tenantId', 'leadId', 'createdAt', 'id'])
@Index('activities_contact_idx', ['tenantId', 'contactId', 'createdAt', 'id'])
export class Activity extends TenantOwnedEntity {
  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @Column({ type: 'varchar', length: 24 })
  type: ActivityType;

  /** The type's own fields: `{ text }` for a note, `{ direction, durationSeconds, outcome }` for a call, before/after for system entries. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: ActorType;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
