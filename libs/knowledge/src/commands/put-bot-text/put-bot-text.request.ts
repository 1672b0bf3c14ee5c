import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trim } from '@saler/platform';

export class PutBotTextRequest {
  @ApiProperty({ example: 'Hello! Ask me anything about our products.', minLength: 1, maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(1, 2000)
  text: string;
}
