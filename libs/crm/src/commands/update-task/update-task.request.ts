import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { CreateTaskRequest, MAX_REMINDER_OFFSET_MINUTES } from '../create-task/create-task.request';

/** Moving dueAt or the offset moves the reminder; null removes it. */
export class UpdateTaskRequest extends PartialType(OmitType(CreateTaskRequest, ['reminderOffsetMinutes'] as const)) {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_REMINDER_OFFSET_MINUTES, nullable: true, type: Number, description: 'null removes the reminder' })
  @IsOptional()
  @ValidateIf((_request, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_REMINDER_OFFSET_MINUTES)
  reminderOffsetMinutes?: number | null;
}
