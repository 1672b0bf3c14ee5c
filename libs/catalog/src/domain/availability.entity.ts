import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Model } from './model.entity';
import { ProductCategory } from './product-category.entity';

/**
 * Whether the tenant can make a category's product for a model (has the pattern for it), with a
 * note for the customer ("made to order, 5 days"). No row means available: tenants mark the exceptions.
 */
@Entity({ name: 'catalog_availability' })
@Index('catalog_availability_pair_uq', ['tenantId', 'modelId', 'categoryId'], { unique: true })
@Index('catalog_availability_category_idx', ['tenantId', 'categoryId'])
@Index('catalog_availability_tenant_updated_idx', ['tenantId', 'updatedAt', 'id'])
export class Availability extends TenantOwnedEntity {
  @Column({ name: 'model_id', type: 'uuid' })
  modelId: string;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Column({ type: 'boolean' })
  available: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Model, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'model_id', referencedColumnName: 'id' },
  ])
  model?: Model;

  @ManyToOne(() => ProductCategory, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'category_id', referencedColumnName: 'id' },
  ])
  category?: ProductCategory;
}
