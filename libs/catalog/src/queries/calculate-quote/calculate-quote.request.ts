import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';
import { lowerCaseUuid } from '../../domain/lower-case-uuid';

const lowerCaseUuids = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value.map((item) => lowerCaseUuid({ value: item })) : value);

export class CalculateQuoteRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The model; or send modelQuery instead' })
  @OptionalNotNull()
  @Transform(lowerCaseUuid)
  @IsUUID()
  modelId?: string;

  @ApiPropertyOptional({ example: 'камри 2015', description: 'Free text resolved through model search (a year prefers the models covering it); or send modelId' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 200)
  modelQuery?: string;

  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  categoryId: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Options of the category to add' })
  @OptionalNotNull()
  @Transform(lowerCaseUuids)
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  optionIds?: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Price the quote as it was (or will be) at this moment; default now' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  at?: string;
}
