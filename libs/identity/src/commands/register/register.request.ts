import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from '../password.validator';

export class RegisterRequest {
  @ApiProperty({ example: 'Acme Mats', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  tenantName: string;

  @ApiProperty({ example: 'acme-mats', pattern: '^[a-z0-9-]{3,40}$' })
  @IsString()
  @Matches(/^[a-z0-9-]{3,40}$/, { message: 'tenantSlug must be 3-40 lower-case letters, digits or dashes' })
  tenantSlug: string;

  @ApiProperty({ example: 'ana@example.com' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 10, description: 'At least 10 characters; common passwords are refused' })
  @IsAcceptablePassword()
  password: string;

  @ApiProperty({ example: 'Ana Lima' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}
