import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageRequest } from '@saler/platform';

export class ListModelsRequest extends PageRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  brandId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  bodyTypeId?: string;

  @ApiPropertyOptional({ description: 'Part of the name, case-insensitive (for typo-tolerant search use /catalog/models/search)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
