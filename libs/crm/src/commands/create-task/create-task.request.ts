import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, IsUUID, Length, Max, Min } from 'class-validator';

import { lowerCaseUuid } from '../../domain/lower-case-uuid';
import { OptionalNotNull, Trim } from '@saler/platform';

export const MAX_REMINDER_OFFSET_MINUTES = 60 * 24 * 30;

export class CreateTaskRequest {
  @ApiProperty({ example: 'Call back about the quote' })
  @Trim()
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601()
  dueAt: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID()
  leadId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A member; the caller when absent' })
  @OptionalNotNull()
  @IsUUID()
  @Transform(lowerCaseUuid)
  assigneeId?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_REMINDER_OFFSET_MINUTES, description: 'Fire task.reminder_due this many minutes before dueAt' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_REMINDER_OFFSET_MINUTES)
  reminderOffsetMinutes?: number;
}
