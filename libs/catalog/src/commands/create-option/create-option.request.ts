import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Trim } from '@saler/platform';
import { lowerCaseUuid } from '../../domain/lower-case-uuid';

export class CreateOptionRequest {
  @ApiProperty({ format: 'uuid', description: 'The category the option belongs to (it cannot move to another)' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  categoryId: string;

  @ApiProperty({ example: 'With rims', description: 'Unique within its category, regardless of case' })
  @Trim()
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 1000)
  description?: string | null;
}
