import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TenantStatus = 'active' | 'suspended';

/** A business using Saler. Global (not tenant-owned): login resolves a tenant by slug before any tenant is known. */
@Entity({ name: 'tenants' })
export class Tenant {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  status: TenantStatus;

  @Column({ type: 'varchar', length: 16 })
  locale: string;

  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ name: 'retention_days', type: 'integer' })
  retentionDays: number;

  @Column({ type: 'jsonb' })
  settings: Record<string, string | number | boolean | null>;

  /** Optimistic concurrency: bumped by every update, exposed as the ETag. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
