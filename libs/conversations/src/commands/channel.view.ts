import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_TYPES, ChannelType } from '@saler/platform';
import { Channel } from '../domain/channel.entity';

export class CredentialHintView {
  @ApiProperty({ example: true })
  configured: boolean;

  @ApiProperty({ example: 'x9Qa', description: 'The last 4 characters; the secret itself is never returned' })
  last4: string;
}

export class ChannelSettingsView {
  @ApiPropertyOptional({ type: [String], example: ['https://shop.example'], description: 'Web widget only' })
  allowedOrigins?: string[];
}

export class ChannelView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CHANNEL_TYPES })
  type: ChannelType;

  @ApiProperty({ example: 'Shop bot' })
  name: string;

  @ApiProperty({ example: 'https://api.saler.example/api/v1/webhooks/telegram/0192…', description: "The URL to give the platform (setWebhook, the app's callback URL); the widget's message URL for web" })
  webhookUrl: string;

  @ApiProperty({ nullable: true, type: String, description: 'Web widget only: the public key in its URL' })
  publicKey: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/CredentialHintView' }, example: { botToken: { configured: true, last4: 'x9Qa' } } })
  credentials: Record<string, CredentialHintView>;

  @ApiProperty({ type: ChannelSettingsView })
  settings: ChannelSettingsView;

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ChannelPage {
  @ApiProperty({ type: [ChannelView] })
  data: ChannelView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function webhookUrl(publicBaseUrl: string, channel: Pick<Channel, 'id' | 'type' | 'publicKey'>): string {
  return channel.type === 'web' ? `${publicBaseUrl}/api/v1/widget/${channel.publicKey}/messages` : `${publicBaseUrl}/api/v1/webhooks/${channel.type}/${channel.id}`;
}

export function toChannelView(channel: Channel, publicBaseUrl: string): ChannelView {
  return {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    webhookUrl: webhookUrl(publicBaseUrl, channel),
    publicKey: channel.publicKey,
    credentials: Object.fromEntries(Object.entries(channel.credentialHints).map(([field, last4]) => [field, { configured: true, last4 }])),
    settings: channel.settings,
    version: channel.version,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a channel: never a secret, only which credentials are set. */
export const channelAudit = (channel: Channel) => ({ type: channel.type, name: channel.name, settings: channel.settings, credentials: Object.keys(channel.credentialHints) });
