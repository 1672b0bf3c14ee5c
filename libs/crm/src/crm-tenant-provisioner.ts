import { Injectable } from '@nestjs/common';
import { ProvisionsTenants, TenantProvisioner, TenantTx } from '@saler/platform';
import { insertPipeline } from './commands/pipeline-store';
import { DEFAULT_PIPELINE } from './domain/default-pipeline';

/** A new tenant gets the default pipeline (New → Contacted → Qualified → Proposal → Won / Lost) in its registration's transaction. */
@Injectable()
@ProvisionsTenants()
export class CrmTenantProvisioner implements TenantProvisioner {
  async provision(tx: TenantTx): Promise<void> {
    await insertPipeline(tx, DEFAULT_PIPELINE.name, true, DEFAULT_PIPELINE.stages);
  }
}
