import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const API_KEY_ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'website backend' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: API_KEY_ROLES, description: 'At most admin, and at most your own role' })
  @IsIn(API_KEY_ROLES)
  role: (typeof API_KEY_ROLES)[number];

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}
