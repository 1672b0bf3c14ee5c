import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from '../password.validator';

export class AcceptInvitationRequest {
  @ApiProperty({ description: 'The token from the invitation' })
  @IsString()
  @MaxLength(200)
  token: string;

  @ApiProperty({ example: 'Rui Costa', description: 'Your name (ignored when the email already has an account)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'A new password, or the existing account password when the email already has an account' })
  @IsAcceptablePassword()
  password: string;
}
