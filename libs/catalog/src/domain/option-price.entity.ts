import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { bigintAsNumber } from './columns';
import { ProductOption } from './product-option.entity';

/** The add-on price of an option, from `validFrom` on. Never changed in place. */
@Entity({ name: 'catalog_option_prices' })
@Index('catalog_option_prices_key_uq', ['tenantId', 'optionId', 'validFrom'], { unique: true })
@Index('catalog_option_prices_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class OptionPrice extends TenantOwnedEntity {
  @Column({ name: 'option_id', type: 'uuid' })
  optionId: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber })
  amountMinor: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => ProductOption)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'option_id', referencedColumnName: 'id' },
  ])
  option?: ProductOption;
}
