import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { CHANNEL_TYPES, ChannelType, Trim } from '@saler/platform';
import { ChannelSettingsView } from '../channel.view';

export class CreateChannelRequest {
  @ApiProperty({ enum: CHANNEL_TYPES })
  @IsIn(CHANNEL_TYPES)
  type: ChannelType;

  @ApiProperty({ example: 'Shop bot' })
  @Trim()
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'telegram: {botToken, secretToken}; messenger: {appSecret, verifyToken, pageAccessToken}; whatsapp: {appSecret, verifyToken, accessToken, phoneNumberId}; line: {channelSecret, channelAccessToken}; web: none. Encrypted at rest, never returned.',
    example: { botToken: '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11', secretToken: 'my-webhook-secret' },
  })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, unknown>;

  @ApiPropertyOptional({ type: ChannelSettingsView, description: 'web: {allowedOrigins} (required)' })
  @IsOptional()
  @IsObject()
  settings?: { allowedOrigins?: unknown };
}
