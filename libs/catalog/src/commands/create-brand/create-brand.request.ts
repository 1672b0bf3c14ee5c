import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';
import { MAX_ALIAS_LENGTH, MAX_ALIASES } from '../../domain/names';

export class CreateBrandRequest {
  @ApiProperty({ example: 'Toyota', description: 'Unique in the tenant, regardless of case' })
  @Trim()
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ type: [String], example: ['Тойота'], description: `Other spellings customers use (search finds the brand by them); at most ${MAX_ALIASES}` })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ALIASES)
  @IsString({ each: true })
  @Length(1, MAX_ALIAS_LENGTH, { each: true })
  aliases?: string[];
}
