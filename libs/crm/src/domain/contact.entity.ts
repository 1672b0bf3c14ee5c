import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

export type CustomAttributes = Record<string, string | number | boolean | null>;

/** A person the tenant sells to. Soft-deleted contacts keep their rows (and their leads' history) but leave every list. */
@Entity({ name: 'contacts' })
@Index('contacts_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
@Index('contacts_tenant_email_idx', ['tenantId', 'email'])
@Index('contacts_tenant_phone_idx', ['tenantId', 'phone'])
export class Contact extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  /** Lower-cased. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  /** E.164. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  locale: string | null;

  @Column({ type: 'jsonb' })
  attributes: CustomAttributes;

  /** Set when this contact was merged into another; the contact is then also soft-deleted. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
