import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class MarkLeadLostRequest {
  @ApiProperty({ example: 'Chose a competitor' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
