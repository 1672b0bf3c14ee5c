import { EventEmitter } from 'node:events';
import { STATUS_CODES } from 'node:http';
import { request } from 'undici';
import type { SendResult } from './platform-sender';

export type SendFailure = Extract<SendResult, { ok: false }>;

/** A platform's answer: the parsed body of a 2xx, or the failure already classified. */
export type PostResult = { ok: true; body: unknown } | SendFailure;

/**
 * POSTs JSON to a platform and classifies the outcome: 2xx is ok; 429, 5xx, timeouts and network
 * errors are retryable; other 4xx are not. The whole exchange, body included, ends within
 * `timeoutMs`. Error texts never contain the URL's path (Telegram puts the bot token in it) nor a
 * header value.
 *
 * undici's `request`, not `fetch`: the WHATWG layers of fetch (Request, Headers, streams, and an
 * AbortSignal for the timeout) cost more of the worker than the call itself. The deadline is an
 * EventEmitter, which undici accepts as a signal.
 */
export async function postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
  const deadline = new EventEmitter();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.emit('abort');
  }, timeoutMs);
  let status: number;
  let retryAfter: string | string[] | undefined;
  let text: string;
  try {
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: deadline,
    });
    status = response.statusCode;
    retryAfter = response.headers['retry-after'];
    text = await response.body.text();
  } catch (error) {
    return { ok: false, retryable: true, error: timedOut ? `timeout after ${timeoutMs} ms` : describeNetworkError(error, url, headers) };
  } finally {
    clearTimeout(timer);
  }
  const parsed = parseJson(text);
  if (status >= 200 && status < 300) return { ok: true, body: parsed };
  const retryable = status === 429 || status >= 500;
  const retryAfterMs = retryable ? readRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, parsed) : undefined;
  return {
    ok: false,
    retryable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    error: `${status} ${platformMessage(parsed, text) || (STATUS_CODES[status] ?? '')}`.trim(),
    status,
  };
}

/** Turns a post into the sender's result, reading the platform's message id from a 2xx body. */
export function toSendResult(posted: PostResult, messageId: (body: unknown) => string | number | null | undefined): SendResult {
  if (!posted.ok) return posted;
  const id = messageId(posted.body);
  return { ok: true, platformMessageId: id === null || id === undefined ? null : String(id) };
}

function describeNetworkError(error: unknown, url: string, headers: Record<string, string>): string {
  // Duck-typed: errors may come from another realm than this module's Error (as under jest).
  const failure = error as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown } | null;
  // A socket error ("connect ECONNREFUSED 127.0.0.1:443") may come wrapped in a cause; an
  // AggregateError (one attempt per address) has no message, only a code.
  const cause = (isRecord(failure?.cause) ? failure.cause : failure) as typeof failure;
  const reason = typeof cause?.message === 'string' && cause.message ? cause.message.replace(/^connect /, '') : typeof cause?.code === 'string' ? cause.code : String(error);
  // Some messages quote the URL ("Failed to parse URL from …") or a header value ("… is an invalid header value").
  const origin = /^[a-z]+:\/\/[^/]+/i.exec(url)?.[0] ?? 'the platform';
  return Object.values(headers)
    .filter(Boolean)
    .reduce((text, value) => text.split(value).join('[redacted]'), reason.split(url).join(origin));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Telegram's `description`, Graph's `error.message`, LINE's `message` with its `details`; else the raw body. */
function platformMessage(body: unknown, text: string): string {
  if (!isRecord(body)) return text.slice(0, 500);
  if (typeof body.description === 'string') return body.description;
  if (isRecord(body.error) && typeof body.error.message === 'string') return body.error.message;
  if (typeof body.message === 'string') {
    const details = Array.isArray(body.details) ? body.details.filter(isRecord).map((detail) => `${String(detail.property)}: ${String(detail.message)}`) : [];
    return details.length ? `${body.message} (${details.join('; ')})` : body.message;
  }
  return text.slice(0, 500);
}

/** From `Retry-After` (delta-seconds or HTTP date), else Telegram's `parameters.retry_after` (seconds). */
function readRetryAfter(header: string | undefined, body: unknown): number | undefined {
  const value = header?.trim();
  if (value && /^\d+$/.test(value)) return Number(value) * 1000;
  const date = value ? Date.parse(value) : NaN;
  if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  const seconds = isRecord(body) && isRecord(body.parameters) ? body.parameters.retry_after : undefined;
  return typeof seconds === 'number' ? seconds * 1000 : undefined;
}
