import { Query } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';

export class AdminTenantView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  slug: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['active', 'suspended'] })
  status: string;

  @ApiProperty({ description: 'Memberships of any status' })
  memberCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AdminTenantPage {
  @ApiProperty({ type: [AdminTenantView] })
  data: AdminTenantView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

/** Every tenant with its member count (platform admins). */
export class ListTenantsQuery extends Query<AdminTenantPage> {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
