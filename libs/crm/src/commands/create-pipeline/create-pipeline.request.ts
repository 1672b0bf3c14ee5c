import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { STAGE_KINDS, StageKind } from '../../domain/stage.entity';
import { OptionalNotNull, Trim } from '@saler/platform';

export class StageRequest {
  @ApiProperty({ example: 'Qualified' })
  @Trim()
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 40 })
  @IsInt()
  @Min(0)
  @Max(100)
  probability: number;

  @ApiProperty({ enum: STAGE_KINDS })
  @IsIn(STAGE_KINDS)
  kind: StageKind;
}

export class CreatePipelineRequest {
  @ApiProperty({ example: 'Enterprise' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ type: [StageRequest], description: 'In order; at least one open stage' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => StageRequest)
  stages: StageRequest[];

  @ApiPropertyOptional({ description: 'Make this the default pipeline for new leads' })
  @OptionalNotNull()
  @IsBoolean()
  isDefault?: boolean;
}
