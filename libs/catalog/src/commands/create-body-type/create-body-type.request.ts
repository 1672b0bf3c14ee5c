import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Trim } from '@saler/platform';

export class CreateBodyTypeRequest {
  @ApiProperty({ example: 'crossover', description: 'Unique in the tenant, regardless of case' })
  @Trim()
  @IsString()
  @Length(1, 50)
  name: string;
}
