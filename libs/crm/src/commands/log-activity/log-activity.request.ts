import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { OptionalNotNull } from '@saler/platform';

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export const CALL_OUTCOMES = ['connected', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;

/** A note (markdown `text`) or a call (direction, duration, outcome, optional `text`). */
export class LogActivityRequest {
  @ApiProperty({ enum: ['note', 'call'] })
  @IsIn(['note', 'call'])
  type: 'note' | 'call';

  @ApiPropertyOptional({ description: 'Markdown; required for a note', maxLength: 20000 })
  @ValidateIf((request: LogActivityRequest) => request.type === 'note' || request.text !== undefined)
  @IsString()
  @Length(1, 20000)
  text?: string;

  @ApiPropertyOptional({ enum: CALL_DIRECTIONS, description: 'Required for a call' })
  @ValidateIf((request: LogActivityRequest) => request.type === 'call')
  @IsIn(CALL_DIRECTIONS)
  direction?: (typeof CALL_DIRECTIONS)[number];

  @ApiPropertyOptional({ minimum: 0, maximum: 86400, description: 'Seconds; required for a call' })
  @ValidateIf((request: LogActivityRequest) => request.type === 'call')
  @IsInt()
  @Min(0)
  @Max(86400)
  durationSeconds?: number;

  @ApiPropertyOptional({ enum: CALL_OUTCOMES, description: 'Required for a call' })
  @ValidateIf((request: LogActivityRequest) => request.type === 'call')
  @IsIn(CALL_OUTCOMES)
  outcome?: (typeof CALL_OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'When it happened, if not now (ISO 8601)' })
  @OptionalNotNull()
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}
