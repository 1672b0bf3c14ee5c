import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiKey } from '../domain/api-key.entity';

export class ApiKeyView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['admin', 'manager', 'agent', 'viewer'] })
  role: string;

  @ApiProperty({ example: 'slr_Xk3v9QaB', description: 'The first characters of the key' })
  prefix: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  expiresAt: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  lastUsedAt: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  revokedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ApiKeyCreated {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Shown once. Send as Authorization: Bearer <key> or X-Api-Key: <key>' })
  key: string;

  @ApiProperty()
  prefix: string;
}

export const toApiKeyView = (key: ApiKey): ApiKeyView => ({
  id: key.id,
  name: key.name,
  role: key.role,
  prefix: key.prefix,
  expiresAt: key.expiresAt?.toISOString() ?? null,
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
  createdAt: key.createdAt.toISOString(),
});
