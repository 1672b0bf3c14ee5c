import { TenantCommand, TenantContext } from '@saler/platform';
import { TenantView } from '../../queries/get-tenant/tenant.view';
import { UpdateTenantRequest } from './update-tenant.request';

/** Updates the tenant's settings; with `expectedVersion` (If-Match) a concurrent change makes it fail with 412. */
export class UpdateTenantCommand extends TenantCommand<TenantView> {
  constructor(
    context: TenantContext,
    readonly changes: UpdateTenantRequest,
    readonly expectedVersion?: number,
  ) {
    super(context);
  }
}
