import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { ProductCategory } from './product-category.entity';

/** An add-on of a category ("with rims", "3rd row"), priced on top of the base price. Unique by name within its category. */
@Entity({ name: 'catalog_options' })
@Index('catalog_options_name_uq', ['tenantId', 'categoryId', 'nameKey'], { unique: true })
@Index('catalog_options_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class ProductOption extends TenantOwnedEntity {
  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'name_key', type: 'varchar', length: 100 })
  nameKey: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => ProductCategory)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'category_id', referencedColumnName: 'id' },
  ])
  category?: ProductCategory;
}
