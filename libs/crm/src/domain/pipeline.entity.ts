import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';

/** A sales pipeline: an ordered list of stages (see Stage). Every tenant starts with one default pipeline. */
@Entity({ name: 'pipelines' })
@Index('pipelines_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class Pipeline extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** New leads without a pipeline go to the default one; exactly one per tenant. */
  @Column({ name: 'is_default', type: 'boolean' })
  isDefault: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
