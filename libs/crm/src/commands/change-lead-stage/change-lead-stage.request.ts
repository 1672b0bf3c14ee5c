import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ChangeLeadStageRequest {
  @ApiProperty({ format: 'uuid', description: 'A stage of any pipeline; the lead moves to that pipeline' })
  @IsUUID()
  stageId: string;
}
