import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trim } from '@saler/platform';

export class MarkLeadLostRequest {
  @ApiProperty({ example: 'Chose a competitor' })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason: string;
}
