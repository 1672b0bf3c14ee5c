import { Injectable } from '@nestjs/common';
import { newId, ProvisionsTenants, TenantProvisioner, TenantTx } from '@saler/platform';
import { insertPipeline } from './commands/pipeline-store';
import { DEFAULT_PIPELINE } from './domain/default-pipeline';
import { DEFAULT_SCORING_SIGNALS } from './domain/lead-scoring';
import { ScoringRules } from './domain/scoring-rules.entity';

/**
 * A new tenant gets, in its registration's transaction, the default pipeline (New → Contacted →
 * Qualified → Proposal → Won / Lost) and the default scoring rules (version 1).
 */
@Injectable()
@ProvisionsTenants()
export class CrmTenantProvisioner implements TenantProvisioner {
  async provision(tx: TenantTx): Promise<void> {
    await insertPipeline(tx, DEFAULT_PIPELINE.name, true, DEFAULT_PIPELINE.stages);
    await tx.repository(ScoringRules).insert({ id: newId(), signals: DEFAULT_SCORING_SIGNALS, version: 1, updatedAt: new Date() });
  }
}
