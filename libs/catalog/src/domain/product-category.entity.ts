import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/** A product the tenant sells for a model ("EVA mats", "seat covers"). An inactive category is not quoted. */
@Entity({ name: 'catalog_categories' })
@Index('catalog_categories_name_uq', ['tenantId', 'nameKey'], { unique: true })
@Index('catalog_categories_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class ProductCategory extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'name_key', type: 'varchar', length: 100 })
  nameKey: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
