import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import type { ScoringSignal } from './lead-scoring';

/** A tenant's lead-scoring rules: one row per tenant. */
@Entity({ name: 'scoring_rules' })
@Index('scoring_rules_tenant_uq', ['tenantId'], { unique: true })
export class ScoringRules extends TenantOwnedEntity {
  @Column({ type: 'jsonb' })
  signals: ScoringSignal[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
