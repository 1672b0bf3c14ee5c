import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Trim } from '@saler/platform';
import { lowerCaseUuid } from '../../domain/lower-case-uuid';

export class SetAvailabilityRequest {
  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  modelId: string;

  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  categoryId: string;

  @ApiProperty({ description: 'Whether the tenant can make this category’s product for this model' })
  @IsBoolean()
  available: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'No pattern yet: ask us, we measure your car for free', description: 'Shown with quotes of this pair; null or "" clears it' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 500)
  note?: string | null;
}
