import { Column, Entity, Index } from 'typeorm';
import { ChannelType, TenantOwnedEntity } from '@saler/platform';

/** Non-secret settings: the web widget's allowed origins. */
export interface ChannelSettings {
  allowedOrigins?: string[];
}

/**
 * A chat channel of a tenant: a Telegram bot, a Messenger page, a WhatsApp number, a LINE channel or
 * the web widget. Its secrets are one AES-256-GCM envelope (see credential-cipher.ts); the API only
 * ever shows `credentialHints` (the last 4 characters of each). Removed channels keep their rows
 * (conversations point at them) and stop receiving.
 */
@Entity({ name: 'channels' })
@Index('channels_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class Channel extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 16 })
  type: ChannelType;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The encrypted credentials (`<keyId>.<iv>.<tag>.<ciphertext>`), null for the web widget. */
  @Column({ name: 'credentials_sealed', type: 'text', nullable: true })
  credentialsSealed: string | null;

  /** Field name → its last 4 characters. */
  @Column({ name: 'credential_hints', type: 'jsonb' })
  credentialHints: Record<string, string>;

  @Column({ type: 'jsonb' })
  settings: ChannelSettings;

  /** The web widget's public key (in the widget URL); null for other types. */
  @Column({ name: 'public_key', type: 'varchar', length: 64, nullable: true })
  publicKey: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
