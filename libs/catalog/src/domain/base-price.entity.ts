import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { BodyType } from './body-type.entity';
import { bigintAsNumber } from './columns';
import { ProductCategory } from './product-category.entity';

/**
 * The price of a category's product for every model of a body type, from `validFrom` on. Prices
 * are never changed in place: a new price is a new row with a later validFrom, so a past quote is
 * always explained by the rows valid at its time.
 */
@Entity({ name: 'catalog_base_prices' })
@Index('catalog_base_prices_key_uq', ['tenantId', 'categoryId', 'bodyTypeId', 'validFrom'], { unique: true })
@Index('catalog_base_prices_body_type_idx', ['tenantId', 'bodyTypeId'])
@Index('catalog_base_prices_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class BasePrice extends TenantOwnedEntity {
  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Column({ name: 'body_type_id', type: 'uuid' })
  bodyTypeId: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor: number;

  /** ISO 4217. */
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => ProductCategory)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'category_id', referencedColumnName: 'id' },
  ])
  category?: ProductCategory;

  @ManyToOne(() => BodyType)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'body_type_id', referencedColumnName: 'id' },
  ])
  bodyType?: BodyType;
}
