import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/**
 * One refresh token of a session. Tokens rotate: using one marks it used and issues its
 * successor in the same family; presenting a used token again revokes the whole family.
 * Only a SHA-256 of the secret is stored.
 */
@Entity({ name: 'refresh_tokens' })
@Index('refresh_tokens_family_idx', ['tenantId', 'familyId'])
export class RefreshToken extends TenantOwnedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
