import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Role } from './role';

/** An invitation to join a tenant with a role. Its token is shown once; only its SHA-256 is stored. */
@Entity({ name: 'invitations' })
export class Invitation extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
