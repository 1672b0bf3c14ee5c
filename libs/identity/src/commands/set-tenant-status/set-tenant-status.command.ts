import { TenantCommand, TenantContext } from '@saler/platform';
import { TenantStatus } from '../../domain/tenant.entity';

/** Suspends or resumes a tenant (platform admins); audited in that tenant's chain. */
export class SetTenantStatusCommand extends TenantCommand<{ id: string; status: TenantStatus }> {
  constructor(
    context: TenantContext,
    readonly status: TenantStatus,
  ) {
    super(context);
  }
}
