import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const FORMAT = new RegExp(`^rt\\.(${UUID})\\.(${UUID})\\.([A-Za-z0-9_-]{43})$`);

/** A refresh token names its tenant and row, so it can be checked inside that tenant's unit of work. */
export interface ParsedRefreshToken {
  tenantId: string;
  tokenId: string;
  secret: string;
}

export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatRefreshToken(token: ParsedRefreshToken): string {
  return `rt.${token.tenantId}.${token.tokenId}.${token.secret}`;
}

export function parseRefreshToken(value: string): ParsedRefreshToken | null {
  const match = FORMAT.exec(value);
  return match ? { tenantId: match[1], tokenId: match[2], secret: match[3] } : null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
