import { ApiProperty } from '@nestjs/swagger';
import { TenantCommand, TenantContext } from '@saler/platform';
import { TenantStatus } from '../../domain/tenant.entity';

export class TenantStatusView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['active', 'suspended'] })
  status: TenantStatus;
}

/** Suspends or resumes a tenant (platform admins); audited in that tenant's chain. */
export class SetTenantStatusCommand extends TenantCommand<TenantStatusView> {
  constructor(
    context: TenantContext,
    readonly status: TenantStatus,
  ) {
    super(context);
  }
}
