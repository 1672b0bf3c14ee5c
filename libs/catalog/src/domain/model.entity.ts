import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { BodyType } from './body-type.entity';
import { Brand } from './brand.entity';

/** A car model of a brand (Toyota Camry), with its body type and the model years it covers. Unique by name within its brand. */
@Entity({ name: 'catalog_models' })
@Index('catalog_models_name_uq', ['tenantId', 'brandId', 'nameKey'], { unique: true })
@Index('catalog_models_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
@Index('catalog_models_body_type_idx', ['tenantId', 'bodyTypeId'])
export class Model extends TenantOwnedEntity {
  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'name_key', type: 'varchar', length: 100 })
  nameKey: string;

  /** Other names customers use: "крузак" for a Land Cruiser. */
  @Column({ type: 'jsonb' })
  aliases: string[];

  @Column({ name: 'body_type_id', type: 'uuid' })
  bodyTypeId: string;

  @Column({ name: 'year_from', type: 'integer', nullable: true })
  yearFrom: number | null;

  @Column({ name: 'year_to', type: 'integer', nullable: true })
  yearTo: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Brand)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'brand_id', referencedColumnName: 'id' },
  ])
  brand?: Brand;

  @ManyToOne(() => BodyType)
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'body_type_id', referencedColumnName: 'id' },
  ])
  bodyType?: BodyType;
}
