import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, Max, Min, ValidateNested } from 'class-validator';
import { SIGNAL_TYPES, ScoringSignalType } from '../../domain/lead-scoring';
import { OptionalNotNull } from '@saler/platform';

export class ScoringSignalRequest {
  @ApiProperty({ enum: SIGNAL_TYPES })
  @IsIn(SIGNAL_TYPES)
  type: ScoringSignalType;

  @ApiPropertyOptional({ minimum: -100, maximum: 100, description: 'Points (every type but inactivity_decay)' })
  @OptionalNotNull()
  @IsNumber()
  @Min(-100)
  @Max(100)
  weight?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'inbound_messages: the threshold' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10000)
  min?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'inactivity_decay: points lost per day' })
  @OptionalNotNull()
  @IsNumber()
  @Min(0)
  @Max(100)
  perDay?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'inactivity_decay: the most it takes away' })
  @OptionalNotNull()
  @IsNumber()
  @Min(0)
  @Max(100)
  max?: number;
}

export class ReplaceScoringRulesRequest {
  @ApiProperty({ type: [ScoringSignalRequest] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ScoringSignalRequest)
  signals: ScoringSignalRequest[];
}
