import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ChannelType } from '@saler/platform';

/**
 * Global (not tenant-owned): which tenant a public webhook or widget URL belongs to. A webhook
 * arrives before any tenant is known; this row holds no secret, only the way to the tenant's own
 * (RLS-protected) channel row. Written in the channel's own transaction.
 */
@Entity({ name: 'channel_routes' })
@Index('channel_routes_public_key_uq', ['publicKey'], { unique: true })
export class ChannelRoute {
  @PrimaryColumn({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'varchar', length: 16 })
  type: ChannelType;

  @Column({ name: 'public_key', type: 'varchar', length: 64, nullable: true })
  publicKey: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
