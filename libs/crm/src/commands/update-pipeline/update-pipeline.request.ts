import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsOptional, IsString, Length } from 'class-validator';

export class UpdatePipelineRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'true makes this the default pipeline (the previous default stops being one)', enum: [true] })
  @IsOptional()
  @Equals(true, { message: 'isDefault can only be set to true; make another pipeline the default instead' })
  isDefault?: true;
}
