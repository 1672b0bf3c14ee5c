import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LEAD_SOURCES, LeadSource } from '../../domain/lead.entity';
import { CreateContactRequest } from '../create-contact/create-contact.request';

import { lowerCaseUuid } from '../../domain/lower-case-uuid';
import { OptionalNotNull, Trim } from '@saler/platform';

export const MAX_VALUE_MINOR = 9_000_000_000_000_000;

export class CreateLeadRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing contact; or send `contact` instead' })
  @OptionalNotNull()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ type: CreateContactRequest, description: 'A contact to find by email or phone, or create' })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => CreateContactRequest)
  contact?: CreateContactRequest;

  @ApiProperty({ example: 'Fleet of 12 vans' })
  @Trim()
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ description: 'Minor units (cents)', default: 0, example: 129900 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_VALUE_MINOR)
  valueMinor?: number;

  @ApiPropertyOptional({ example: 'EUR', default: 'USD', description: 'ISO 4217' })
  @OptionalNotNull()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ enum: LEAD_SOURCES, description: 'manual for users, api for API keys, when absent' })
  @OptionalNotNull()
  @IsIn(LEAD_SOURCES)
  source?: LeadSource;

  @ApiPropertyOptional({ format: 'uuid', description: 'The default pipeline when absent' })
  @OptionalNotNull()
  @IsUUID()
  pipelineId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The pipeline's first stage when absent" })
  @OptionalNotNull()
  @IsUUID()
  stageId?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  @Transform(lowerCaseUuid)
  assigneeId?: string;

  @ApiPropertyOptional({ type: [String], example: ['fleet', 'q4'] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  @MaxLength(10)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expectedCloseDate must be a date (YYYY-MM-DD)' })
  expectedCloseDate?: string;
}
