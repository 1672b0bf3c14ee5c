import { Query } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';

export class MeMembership {
  @ApiProperty({ format: 'uuid' })
  tenantId: string;

  @ApiProperty()
  tenantSlug: string;

  @ApiProperty()
  tenantName: string;

  @ApiProperty({ enum: ['owner', 'admin', 'manager', 'agent', 'viewer'] })
  role: string;

  @ApiProperty({ enum: ['active', 'disabled'] })
  status: string;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  isPlatformAdmin: boolean;

  @ApiProperty({ format: 'uuid', description: 'The tenant of this access token' })
  currentTenantId: string;

  @ApiProperty({ type: [MeMembership] })
  memberships: MeMembership[];
}

/** The signed-in user and every membership they have. */
export class GetMeQuery extends Query<MeResponse> {
  constructor(
    readonly userId: string,
    readonly tenantId: string,
  ) {
    super();
  }
}
