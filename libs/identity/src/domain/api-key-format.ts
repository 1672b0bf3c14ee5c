import { randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '@saler/platform';

const UUID_HEX = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;

export interface ParsedApiKey {
  tenantId: string;
  keyId: string;
  secret: string;
}

const toUuid = (bytes: Buffer) => bytes.toString('hex').replace(UUID_HEX, '$1-$2-$3-$4-$5');

/**
 * `slr_` + base64url(secret 32 bytes | tenant id 16 | key id 16): the secret comes first so the
 * visible prefix differs from key to key, and the tenant travels inside so the key is checked in
 * that tenant's unit of work.
 */
export function newApiKey(tenantId: string, keyId: string): { key: string; secret: string; prefix: string } {
  const secret = randomBytes(32);
  const key = API_KEY_PREFIX + Buffer.concat([secret, Buffer.from(tenantId.replace(/-/g, ''), 'hex'), Buffer.from(keyId.replace(/-/g, ''), 'hex')]).toString('base64url');
  return { key, secret: secret.toString('base64url'), prefix: key.slice(0, 12) };
}

export function parseApiKey(key: string): ParsedApiKey | null {
  if (!key.startsWith(API_KEY_PREFIX) || key.length !== API_KEY_PREFIX.length + 86) return null;
  const bytes = Buffer.from(key.slice(API_KEY_PREFIX.length), 'base64url');
  if (bytes.length !== 64) return null;
  return { secret: bytes.subarray(0, 32).toString('base64url'), tenantId: toUuid(bytes.subarray(32, 48)), keyId: toUuid(bytes.subarray(48, 64)) };
}
