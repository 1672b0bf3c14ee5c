import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { StageRequest } from '../create-pipeline/create-pipeline.request';

export class AddStageRequest extends StageRequest {
  @ApiPropertyOptional({ description: '0-based position; the end of the pipeline when absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}
