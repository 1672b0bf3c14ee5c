import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { ROLES, Role } from '../../domain/role';

export class InviteMemberRequest {
  @ApiProperty({ example: 'rui@example.com' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ enum: ROLES, description: 'At most your own role' })
  @IsIn(ROLES)
  role: Role;
}
