/**
 * Safe reads of untrusted webhook JSON, shared by the platform parsers: a field of the wrong type
 * reads as missing, so one odd field never throws inside a valid envelope.
 */
import { InboundIgnoredItem, InboundMessageItem, MalformedWebhookError } from './inbound-item';

/** A JSON object of a parsed webhook body. */
export type JsonObject = Record<string, unknown>;

/** What a message says, whatever the platform: its type, text and attachments. */
export type MessageContent = Pick<InboundMessageItem, 'contentType' | 'text' | 'attachments'>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object, or an empty one, so that nested optional fields read without checks. */
export function asObject(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** An id sent as a non-empty string or as an integer (Telegram chat and user ids). */
export function asId(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  return Number.isSafeInteger(value) ? String(value) : undefined;
}

/** Unix seconds, as a number or a string of digits (WhatsApp), to a Date. */
export function unixSecondsToDate(value: unknown): Date | null {
  return epochToDate(value, 1000);
}

/** Unix milliseconds (Messenger, LINE) to a Date. */
export function unixMillisToDate(value: unknown): Date | null {
  return epochToDate(value, 1);
}

function epochToDate(value: unknown, msPerUnit: number): Date | null {
  const epoch = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : asNumber(value);
  return epoch === undefined ? null : new Date(epoch * msPerUnit);
}

/** The body as an object, or a MalformedWebhookError naming what it should have been. */
export function requireObject(body: unknown, what: string): JsonObject {
  if (!isJsonObject(body)) throw new MalformedWebhookError(`${what} must be a JSON object`);
  return body;
}

export function requireArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new MalformedWebhookError(`${what} must be an array`);
  return value;
}

export function ignored(reason: string): InboundIgnoredItem {
  return { kind: 'ignored', reason };
}

/** A tapped button or menu item: its label as text and its payload as the one attachment. */
export function postbackContent(text: string | undefined, payload: string | undefined): MessageContent {
  return { contentType: 'postback', text: text ?? null, attachments: [{ type: 'postback', payload }] };
}
