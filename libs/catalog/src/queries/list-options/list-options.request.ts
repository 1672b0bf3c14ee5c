import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageRequest } from '@saler/platform';

export class ListOptionsRequest extends PageRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the options of this category' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}
