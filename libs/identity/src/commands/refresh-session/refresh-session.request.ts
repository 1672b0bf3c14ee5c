import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RefreshTokenRequest {
  @ApiProperty({ description: 'The refresh token from the last session response' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}
