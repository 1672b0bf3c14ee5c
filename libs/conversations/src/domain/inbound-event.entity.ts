import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/**
 * Every platform event already taken in, by the platform's own id (`update_id`, `mid`, wamid,
 * wamid + status, `webhookEventId`): a replay is acknowledged and skipped. Kept for 14 days (the
 * longest platform retry window is WhatsApp's 7), then purged by the retention job.
 */
@Entity({ name: 'inbound_events' })
@Index('inbound_events_key_uq', ['tenantId', 'channelId', 'eventKey'], { unique: true })
@Index('inbound_events_received_idx', ['tenantId', 'receivedAt'])
export class InboundEvent extends TenantOwnedEntity {
  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @Column({ name: 'event_key', type: 'varchar', length: 200 })
  eventKey: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
