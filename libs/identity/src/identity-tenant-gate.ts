import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException, TenantGate, UnitOfWork } from '@saler/platform';
import { Tenant } from './domain/tenant.entity';

const TTL_MS = 5000;

/** Suspended tenants get 403 on every tenant route. Status is cached for 5 s per tenant, so a suspension applies within 5 s. */
@Injectable()
export class IdentityTenantGate extends TenantGate {
  private readonly cache = new Map<string, { open: boolean; until: number }>();

  constructor(private readonly unitOfWork: UnitOfWork) {
    super();
  }

  async assertOpen(tenantId: string): Promise<void> {
    const now = Date.now();
    let entry = this.cache.get(tenantId);
    if (entry === undefined || entry.until < now) {
      const tenant = await this.unitOfWork.runGlobal((tx) => tx.global(Tenant).findOne({ where: { id: tenantId }, select: { id: true, status: true } }));
      entry = { open: tenant?.status === 'active', until: now + TTL_MS };
      this.cache.set(tenantId, entry);
    }
    if (!entry.open) throw new ProblemException(HttpStatus.FORBIDDEN, 'tenant-suspended', 'This tenant is suspended or no longer exists');
  }
}
