import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/** A car body type (sedan, suv, …): base prices are per category × body type. Every tenant starts with the defaults and may add more. */
@Entity({ name: 'catalog_body_types' })
@Index('catalog_body_types_name_uq', ['tenantId', 'nameKey'], { unique: true })
@Index('catalog_body_types_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class BodyType extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'name_key', type: 'varchar', length: 50 })
  nameKey: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
