import { PrimaryColumn } from 'typeorm';

/**
 * The base of every tenant-owned entity: `tenant_id` leads the primary key `(tenant_id, id)`,
 * so every foreign key and unique constraint can lead with it too (Citus-ready).
 */
export abstract class TenantOwnedEntity {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  id: string;
}
