import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { LEAD_SOURCES, LeadSource, LeadStatus } from '../../domain/lead.entity';
import { STAGE_KINDS } from '../../domain/stage.entity';

export const LEAD_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'score', '-score', 'value', '-value'] as const;
export type LeadSortName = (typeof LEAD_SORTS)[number];

/** The filters of GET /leads, shared by the CSV export. */
export class LeadFiltersRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  stageId?: string;

  @ApiPropertyOptional({ enum: STAGE_KINDS })
  @IsOptional()
  @IsIn(STAGE_KINDS)
  status?: LeadStatus;

  @ApiPropertyOptional({ description: 'A member id, `me`, or `none` for unassigned leads' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'assigneeId must be a uuid, me or none' })
  assigneeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 50)
  tag?: string;

  @ApiPropertyOptional({ enum: LEAD_SOURCES })
  @IsOptional()
  @IsIn(LEAD_SOURCES)
  source?: LeadSource;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  minScore?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601()
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  @IsOptional()
  @IsISO8601()
  createdTo?: string;

  @ApiPropertyOptional({ description: "Search in the title and the contact's name and email" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: LEAD_SORTS, default: '-createdAt', description: 'A leading - sorts descending' })
  @IsOptional()
  @IsIn(LEAD_SORTS)
  sort?: LeadSortName;
}
