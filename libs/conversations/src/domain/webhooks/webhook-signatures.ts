/**
 * Webhook authentication for Telegram, Messenger/WhatsApp (Meta) and LINE. Every comparison is
 * constant-time, and a missing or empty configured secret never authenticates anything.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const META_SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** Equal strings, compared in constant time over their SHA-256 digests, so lengths may differ. */
function constantTimeEquals(actual: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(actual), digest(expected));
}

function hmacSha256(secret: string, rawBody: Buffer): Buffer {
  return createHmac('sha256', secret).update(rawBody).digest();
}

/** Telegram: `X-Telegram-Bot-Api-Secret-Token` equals the `secret_token` given to setWebhook. */
export function verifyTelegramSecret(headerValue: string | undefined, secretToken: string): boolean {
  return headerValue !== undefined && Boolean(secretToken) && constantTimeEquals(headerValue, secretToken);
}

/** Messenger and WhatsApp: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. */
export function verifyMetaSignature(rawBody: Buffer, headerValue: string | undefined, appSecret: string): boolean {
  const hex = headerValue?.match(META_SIGNATURE)?.[1];
  if (hex === undefined || !appSecret) return false;
  return timingSafeEqual(Buffer.from(hex, 'hex'), hmacSha256(appSecret, rawBody));
}

/** LINE: `x-line-signature: <base64 HMAC-SHA256(channel secret, raw body)>`. */
export function verifyLineSignature(rawBody: Buffer, headerValue: string | undefined, channelSecret: string): boolean {
  if (headerValue === undefined || !channelSecret) return false;
  return constantTimeEquals(headerValue, hmacSha256(channelSecret, rawBody).toString('base64'));
}

/**
 * Meta's subscription check (GET with `hub.mode`, `hub.verify_token`, `hub.challenge`): the
 * challenge to echo back when the token matches, else null (answer 403).
 */
export function metaVerificationChallenge(query: Record<string, unknown>, verifyToken: string): string | null {
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (query['hub.mode'] !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string' || !verifyToken) return null;
  return constantTimeEquals(token, verifyToken) ? challenge : null;
}
