import { IsNull } from 'typeorm';
import { CredentialCipher, secretHint, TenantTx } from '@saler/platform';
import { ChannelRoute } from '../domain/channel-route.entity';
import { credentialContext } from '../domain/channel-credentials';
import { Channel } from '../domain/channel.entity';
import { notFound } from '../domain/conversation-problems';

/** A live (not removed) channel of this tenant, or 404. */
export async function loadChannel(tx: TenantTx, id: string): Promise<Channel> {
  const channel = await tx.repository(Channel).findOne({ id, deletedAt: IsNull() });
  if (channel === null) throw notFound('channel');
  return channel;
}

/** A live channel of this type (the type a webhook URL names), or 404. */
export async function loadChannelOfType(tx: TenantTx, id: string, type: Channel['type']): Promise<Channel> {
  const channel = await loadChannel(tx, id);
  if (channel.type !== type) throw notFound('channel');
  return channel;
}

/** Seals a full credential set for a channel and the hints the API may show. */
export function sealCredentials(cipher: CredentialCipher, tenantId: string, channelId: string, credentials: Record<string, string>) {
  if (Object.keys(credentials).length === 0) return { credentialsSealed: null, credentialHints: {} };
  return {
    credentialsSealed: cipher.sealJson(credentials, credentialContext(tenantId, channelId)),
    credentialHints: Object.fromEntries(Object.entries(credentials).map(([field, value]) => [field, secretHint(value)])),
  };
}

export function openCredentials(cipher: CredentialCipher, channel: Channel): Record<string, string> {
  return channel.credentialsSealed === null ? {} : cipher.openJson(channel.credentialsSealed, credentialContext(channel.tenantId, channel.id));
}

/** Keeps the global route (public URL → tenant) in step with the channel, in the same transaction. */
export async function writeRoute(tx: TenantTx, channel: Channel): Promise<void> {
  await tx.global(ChannelRoute).save({ channelId: channel.id, tenantId: channel.tenantId, type: channel.type, publicKey: channel.publicKey, active: channel.deletedAt === null });
}
