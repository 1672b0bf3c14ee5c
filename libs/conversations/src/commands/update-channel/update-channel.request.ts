import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, Length } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';
import { ChannelSettingsView } from '../channel.view';

export class UpdateChannelRequest {
  @ApiPropertyOptional({ example: 'Shop bot' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Credentials to replace (rotate); the others are kept' })
  @OptionalNotNull()
  @IsObject()
  credentials?: Record<string, unknown>;

  @ApiPropertyOptional({ type: ChannelSettingsView, description: 'web only' })
  @OptionalNotNull()
  @IsObject()
  settings?: { allowedOrigins?: unknown };
}
