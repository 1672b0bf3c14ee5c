import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class MergeContactsRequest {
  @ApiProperty({ format: 'uuid', description: 'The duplicate to merge into this contact; it is deleted afterwards' })
  @IsUUID()
  sourceId: string;
}
