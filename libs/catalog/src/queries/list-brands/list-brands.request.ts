import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageRequest } from '@saler/platform';

export class ListBrandsRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'Part of the name, case-insensitive (for typo-tolerant search use /catalog/models/search)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
