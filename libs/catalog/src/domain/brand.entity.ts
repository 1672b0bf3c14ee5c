import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/** A car make (Toyota). `aliases` are other spellings customers use ("тойота"); search uses them, and names them after each of its models. */
@Entity({ name: 'catalog_brands' })
@Index('catalog_brands_name_uq', ['tenantId', 'nameKey'], { unique: true })
@Index('catalog_brands_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class Brand extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The name lower-cased with its spaces collapsed: names are unique per tenant regardless of case. */
  @Column({ name: 'name_key', type: 'varchar', length: 100 })
  nameKey: string;

  @Column({ type: 'jsonb' })
  aliases: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
