import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Role } from './role';

/** A server-to-server credential of a tenant. The key is shown once; only a SHA-256 of its secret is stored. */
@Entity({ name: 'api_keys' })
export class ApiKey extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** The first characters of the key, to recognise it in lists. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
