import { Injectable } from '@nestjs/common';
import { newId, ProvisionsTenants, TenantProvisioner, TenantTx } from '@saler/platform';
import { BodyType } from './domain/body-type.entity';
import { DEFAULT_BODY_TYPES } from './domain/default-body-types';

/** A new tenant gets, in its registration's transaction, the default body types (sedan, suv, minivan, …). */
@Injectable()
@ProvisionsTenants()
export class CatalogTenantProvisioner implements TenantProvisioner {
  async provision(tx: TenantTx): Promise<void> {
    const now = new Date();
    await tx.repository(BodyType).insert(DEFAULT_BODY_TYPES.map((name) => ({ id: newId(), name, nameKey: name, createdAt: now })));
  }
}
