import { Global, Injectable, Module, OnApplicationBootstrap, SetMetadata } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { TenantTx } from '../database/unit-of-work';

/** What a context sets up in a new tenant (the CRM's default pipeline, say), inside the registration's own unit of work. */
export interface TenantProvisioner {
  provision(tx: TenantTx): Promise<void>;
}

const TENANT_PROVISIONER = Symbol('TENANT_PROVISIONER');

/** Marks a provider as a TenantProvisioner: registration runs it for every new tenant, in the same transaction. */
export const ProvisionsTenants = () => SetMetadata(TENANT_PROVISIONER, true);

/**
 * Runs every context's TenantProvisioner for a new tenant. Identity calls it from registration
 * without knowing which contexts exist, so the dependency points the right way.
 */
@Injectable()
export class TenantProvisioning implements OnApplicationBootstrap {
  private provisioners: TenantProvisioner[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    this.provisioners = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance && Reflect.getMetadata(TENANT_PROVISIONER, wrapper.metatype) === true)
      .map((wrapper) => wrapper.instance as TenantProvisioner);
  }

  async provision(tx: TenantTx): Promise<void> {
    for (const provisioner of this.provisioners) await provisioner.provision(tx);
  }
}

@Global()
@Module({ imports: [DiscoveryModule], providers: [TenantProvisioning], exports: [TenantProvisioning] })
export class TenancyModule {}
