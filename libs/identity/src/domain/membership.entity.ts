import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Role } from './role';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';

export type MembershipStatus = 'active' | 'disabled';

/** A user's role in one tenant. */
@Entity({ name: 'memberships' })
@Index('memberships_tenant_user_uq', ['tenantId', 'userId'], { unique: true })
// The one cross-tenant lookup (a user's memberships, for login and /me) goes by user.
@Index('memberships_user_idx', ['userId'])
export class Membership extends TenantOwnedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 16 })
  status: MembershipStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', referencedColumnName: 'id', foreignKeyConstraintName: 'memberships_tenant_fk' })
  tenant?: Tenant;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'memberships_user_fk' })
  user?: User;
}
