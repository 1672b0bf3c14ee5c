import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsString, Length } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';

export class UpdatePipelineRequest {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'true makes this the default pipeline (the previous default stops being one)', enum: [true] })
  @OptionalNotNull()
  @Equals(true, { message: 'isDefault can only be set to true; make another pipeline the default instead' })
  isDefault?: true;
}
