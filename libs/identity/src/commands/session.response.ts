import { ApiProperty } from '@nestjs/swagger';

export class SessionUser {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ana@example.com' })
  email: string;

  @ApiProperty({ example: 'Ana Lima' })
  name: string;
}

export class SessionTenant {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'acme-mats' })
  slug: string;

  @ApiProperty({ example: 'Acme Mats' })
  name: string;

  @ApiProperty({ enum: ['owner', 'admin', 'manager', 'agent', 'viewer'] })
  role: string;
}

/** What register, login, refresh and switch-tenant answer. */
export class SessionResponse {
  @ApiProperty({ description: 'JWT (HS256), valid 15 minutes; send as Authorization: Bearer' })
  accessToken: string;

  @ApiProperty({ description: 'Opaque, single use; rotate it with POST /auth/refresh' })
  refreshToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ type: SessionUser })
  user: SessionUser;

  @ApiProperty({ type: SessionTenant, nullable: true, description: 'null for a platform admin signed in outside any tenant' })
  tenant: SessionTenant | null;
}
