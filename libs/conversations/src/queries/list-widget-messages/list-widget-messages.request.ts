import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { VISITOR_ID_MESSAGE, VISITOR_ID_PATTERN } from '../../commands/post-widget-message/post-widget-message.request';

export class ListWidgetMessagesRequest {
  @ApiProperty({ example: 'v_3f9c1a7be0d24c8e9a51' })
  @Matches(VISITOR_ID_PATTERN, { message: VISITOR_ID_MESSAGE })
  visitorId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only messages after this one (the last id you have)' })
  @IsOptional()
  @IsUUID()
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
