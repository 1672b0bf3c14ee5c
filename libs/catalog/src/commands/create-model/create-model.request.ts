import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';
import { lowerCaseUuid } from '../../domain/lower-case-uuid';
import { MAX_ALIAS_LENGTH, MAX_ALIASES } from '../../domain/names';

export class CreateModelRequest {
  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  brandId: string;

  @ApiProperty({ example: 'Camry', description: 'Unique within its brand, regardless of case' })
  @Trim()
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ type: [String], example: ['камри'], description: `Other names customers use (slang such as "крузак" too); at most ${MAX_ALIASES}` })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ALIASES)
  @IsString({ each: true })
  @Length(1, MAX_ALIAS_LENGTH, { each: true })
  aliases?: string[];

  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  bodyTypeId: string;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1900, maximum: 2100, example: 2011 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  yearFrom?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1900, maximum: 2100, example: 2017, description: 'Empty while the model is still made' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  yearTo?: number | null;
}
