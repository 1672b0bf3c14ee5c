import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageRequest } from '@saler/platform';

export class ListContactsRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'Search in name, email and phone (case-insensitive substring)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
