import { Transform } from 'class-transformer';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsUUID, ValidateIf } from 'class-validator';

import { lowerCaseUuid } from '../../domain/lower-case-uuid';

export class AssignLeadRequest {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'A member, or null to unassign' })
  @IsDefined({ message: 'assigneeId is required (null unassigns)' })
  @ValidateIf((_object, value) => value !== null)
  @IsUUID()
  @Transform(lowerCaseUuid)
  assigneeId: string | null;
}
