import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';

export class CreateCategoryRequest {
  @ApiProperty({ example: 'EVA mats', description: 'Unique in the tenant, regardless of case' })
  @Trim()
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Rubber-like EVA floor mats with a honeycomb surface' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 1000)
  description?: string | null;

  @ApiPropertyOptional({ default: true, description: 'Inactive categories stay in the catalogue but are not quoted' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
