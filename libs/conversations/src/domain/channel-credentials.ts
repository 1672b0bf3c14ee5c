import type { ChannelType, FieldError } from '@saler/platform';

/** The credential names each channel type takes (the create body's contract). */
export const CREDENTIAL_FIELDS: Record<ChannelType, readonly string[]> = {
  web: [],
  telegram: ['botToken', 'secretToken'],
  messenger: ['appSecret', 'verifyToken', 'pageAccessToken'],
  whatsapp: ['appSecret', 'verifyToken', 'accessToken', 'phoneNumberId'],
  line: ['channelSecret', 'channelAccessToken'],
};

/** Formats the platforms impose, where they impose one. */
const FORMATS: Record<string, { pattern: RegExp; message: string }> = {
  botToken: { pattern: /^\d+:[A-Za-z0-9_-]{20,}$/, message: 'must be a Telegram bot token (<bot id>:<secret>)' },
  secretToken: { pattern: /^[A-Za-z0-9_-]{1,256}$/, message: 'must be 1-256 characters A-Z, a-z, 0-9, _ or - (Telegram secret_token rules)' },
  phoneNumberId: { pattern: /^\d{5,30}$/, message: 'must be the numeric WhatsApp phone number id' },
};

const MAX_LENGTH = 1000;

/**
 * Checks a credentials object for a channel type: only the type's fields, each a non-empty string
 * of at most 1,000 characters in the platform's format. `partial` (an update) accepts any subset.
 */
export function credentialErrors(type: ChannelType, credentials: unknown, partial: boolean): FieldError[] {
  const fields = CREDENTIAL_FIELDS[type];
  if (credentials === undefined || credentials === null) {
    return fields.length > 0 && !partial ? [{ field: 'credentials', message: `credentials must be an object with ${fields.join(', ')}` }] : [];
  }
  if (typeof credentials !== 'object' || Array.isArray(credentials)) return [{ field: 'credentials', message: 'credentials must be an object' }];
  if (fields.length === 0) return [{ field: 'credentials', message: `a ${type} channel takes no credentials` }];
  const given = credentials as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(given)
    .filter((name) => !fields.includes(name))
    .map((name) => ({ field: `credentials.${name}`, message: `is not a ${type} credential (expected ${fields.join(', ')})` }));
  for (const name of fields) {
    const value = given[name];
    if (value === undefined) {
      if (!partial) errors.push({ field: `credentials.${name}`, message: `credentials.${name} is required for a ${type} channel` });
    } else if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_LENGTH) {
      errors.push({ field: `credentials.${name}`, message: `credentials.${name} must be a non-empty string of at most ${MAX_LENGTH} characters` });
    } else if (FORMATS[name] !== undefined && !FORMATS[name].pattern.test(value)) {
      errors.push({ field: `credentials.${name}`, message: `credentials.${name} ${FORMATS[name].message}` });
    }
  }
  return errors;
}

/** The allowed origins of a web widget: `scheme://host[:port]`, no path; `*` is not allowed. */
export function originErrors(origins: unknown): FieldError[] {
  if (!Array.isArray(origins) || origins.length === 0 || origins.length > 50) {
    return [{ field: 'settings.allowedOrigins', message: 'settings.allowedOrigins must be a list of 1-50 origins such as https://shop.example' }];
  }
  return origins.flatMap((origin, index) =>
    typeof origin === 'string' && /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)
      ? []
      : [{ field: `settings.allowedOrigins.${index}`, message: 'must be an origin: scheme://host[:port], without a path' }],
  );
}

/** The channel's sealed-credentials context: a sealed value copied to another channel does not open. */
export function credentialContext(tenantId: string, channelId: string): string {
  return `channel:${tenantId}:${channelId}`;
}
