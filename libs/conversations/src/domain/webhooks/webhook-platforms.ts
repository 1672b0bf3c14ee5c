import type { InboundItem } from './inbound-item';
import { parseLineWebhook } from './line-webhook';
import { parseMessengerWebhook } from './messenger-webhook';
import { parseTelegramUpdate } from './telegram-webhook';
import { verifyLineSignature, verifyMetaSignature, verifyTelegramSecret } from './webhook-signatures';
import { parseWhatsAppWebhook } from './whatsapp-webhook';

export const WEBHOOK_TYPES = ['telegram', 'messenger', 'whatsapp', 'line'] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

export const isWebhookType = (type: string): type is WebhookType => (WEBHOOK_TYPES as readonly string[]).includes(type);

/** What a webhook request brings: the exact bytes (signatures cover them), the parsed body and the headers (lower-case names). */
export interface WebhookRequest {
  rawBody: Buffer;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

interface WebhookPlatform {
  /** Whether the request comes from the platform, by the channel's opened credentials. */
  verify(request: WebhookRequest, credentials: Record<string, string>): boolean;
  parse(body: unknown, credentials: Record<string, string>): InboundItem[];
}

const header = (request: WebhookRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Each platform's contract (see test/fixtures/webhooks/README.md). */
export const WEBHOOK_PLATFORMS: Record<WebhookType, WebhookPlatform> = {
  telegram: {
    verify: (request, credentials) => verifyTelegramSecret(header(request, 'x-telegram-bot-api-secret-token'), credentials.secretToken),
    parse: parseTelegramUpdate,
  },
  messenger: {
    verify: (request, credentials) => verifyMetaSignature(request.rawBody, header(request, 'x-hub-signature-256'), credentials.appSecret),
    parse: parseMessengerWebhook,
  },
  whatsapp: {
    verify: (request, credentials) => verifyMetaSignature(request.rawBody, header(request, 'x-hub-signature-256'), credentials.appSecret),
    parse: (body, credentials) => parseWhatsAppWebhook(body, credentials.phoneNumberId),
  },
  line: {
    verify: (request, credentials) => verifyLineSignature(request.rawBody, header(request, 'x-line-signature'), credentials.channelSecret),
    parse: parseLineWebhook,
  },
};
