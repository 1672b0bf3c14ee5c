import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';

export const MAX_SEARCH_RESULTS = 50;

export class SearchModelsRequest {
  @ApiProperty({ example: 'камри 2015', description: 'Free text in Latin or Cyrillic: brand and/or model, misspelt or transliterated; a model year ranks the models that cover it first' })
  @Trim()
  @IsString()
  @Length(1, 200)
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SEARCH_RESULTS, default: 10 })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEARCH_RESULTS)
  limit?: number;
}
