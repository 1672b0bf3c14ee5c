import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { StageRequest } from '../create-pipeline/create-pipeline.request';
import { OptionalNotNull } from '@saler/platform';

export class AddStageRequest extends StageRequest {
  @ApiPropertyOptional({ description: '0-based position; the end of the pipeline when absent' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  position?: number;
}
