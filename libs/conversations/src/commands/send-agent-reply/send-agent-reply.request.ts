import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trim } from '@saler/platform';

export class SendAgentReplyRequest {
  @ApiProperty({ example: 'Yes, we deliver to Bangkok in two days.' })
  @Trim()
  @IsString()
  @Length(1, 4000)
  text: string;
}
