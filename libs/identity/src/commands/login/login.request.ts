import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'ana@example.com' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email' })
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ example: 'acme-mats', description: "Which tenant to enter; without it, the user's first active membership" })
  @IsOptional()
  @Matches(/^[a-z0-9-]{3,40}$/, { message: 'tenantSlug must be 3-40 lower-case letters, digits or dashes' })
  tenantSlug?: string;
}
