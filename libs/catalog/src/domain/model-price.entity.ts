import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { bigintAsNumber } from './columns';
import { Model } from './model.entity';
import { ProductCategory } from './product-category.entity';

/** A per-model price of a category that replaces the body type's base price for that model, from `validFrom` on. Never changed in place. */
@Entity({ name: 'catalog_model_prices' })
@Index('catalog_model_prices_key_uq', ['tenantId', 'modelId', 'categoryId', 'validFrom'], { unique: true })
@Index('catalog_model_prices_category_idx', ['tenantId', 'categoryId'])
@Index('catalog_model_prices_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class ModelPrice extends TenantOwnedEntity {
  @Column({ name: 'model_id', type: 'uuid' })
  modelId: string;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Model)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'model_id', referencedColumnName: 'id' },
  ])
  model?: Model;

  @ManyToOne(() => ProductCategory)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'category_id', referencedColumnName: 'id' },
  ])
  category?: ProductCategory;
}
