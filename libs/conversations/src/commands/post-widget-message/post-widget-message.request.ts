import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Trim } from '@saler/platform';

export const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const VISITOR_ID_MESSAGE = 'visitorId must be 16-64 characters A-Z, a-z, 0-9, _ or - (a random id the widget keeps per visitor)';

export class PostWidgetMessageRequest {
  @ApiProperty({ example: 'v_3f9c1a7be0d24c8e9a51', description: "The visitor's random id, kept by the widget; whoever knows it reads the conversation" })
  @Matches(VISITOR_ID_PATTERN, { message: VISITOR_ID_MESSAGE })
  visitorId: string;

  @ApiProperty({ example: 'Do you deliver to Bangkok?' })
  @Trim()
  @IsString()
  @Length(1, 4000)
  text: string;

  @ApiPropertyOptional({ example: 'Anna' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'c-000123', description: 'The widget’s own id of this message: a retried POST with the same id is stored once' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'clientMessageId must be 1-100 characters A-Z, a-z, 0-9, _ . : or -' })
  clientMessageId?: string;
}
