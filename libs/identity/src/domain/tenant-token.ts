import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Opaque secrets that name their tenant and row (`<prefix>.<tenantId>.<rowId>.<secret>`), so they
 * can be checked inside that tenant's unit of work; only a SHA-256 of the secret is stored.
 * Refresh tokens use `rt`, invitations `inv`.
 */
export interface TenantToken {
  tenantId: string;
  rowId: string;
  secret: string;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatTenantToken(prefix: string, token: TenantToken): string {
  return `${prefix}.${token.tenantId}.${token.rowId}.${token.secret}`;
}

export function parseTenantToken(prefix: string, value: string): TenantToken | null {
  const match = new RegExp(`^${prefix}\\.(${UUID})\\.(${UUID})\\.([A-Za-z0-9_-]{43})$`).exec(value);
  return match ? { tenantId: match[1], rowId: match[2], secret: match[3] } : null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
