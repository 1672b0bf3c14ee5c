import { createHash } from 'node:crypto';

/** The request header (IETF draft "The Idempotency-Key HTTP Header Field"), as Node lower-cases it. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** The response header of a replay. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

/** A key is 1 to 255 printable ASCII characters, sent once; its value is otherwise opaque. */
export function isValidIdempotencyKey(value: string | string[]): value is string {
  return typeof value === 'string' && VALID_KEY.test(value);
}

/**
 * JSON with object keys sorted (UTF-16 code units) at every depth and no insignificant whitespace:
 * for parsed JSON this is RFC 8785 (JCS), so two bodies that differ only in key order or spacing
 * serialise alike.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, member]) => member !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface FingerprintedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  contentType?: string;
  contentLength?: string;
  /** The parsed body; never read for multipart requests. */
  body: unknown;
}

/**
 * What makes two requests "the same request": SHA-256 (hex) over method, path and the canonical
 * JSON body. A multipart body is a stream the handler consumes, so it is never read here: its
 * media type (without the boundary, which every client generates afresh) and length stand in.
 */
export function requestFingerprint(request: FingerprintedRequest): string {
  const mediaType = request.contentType?.split(';')[0].trim().toLowerCase();
  const payload = mediaType === 'multipart/form-data' ? `${mediaType}; length=${request.contentLength ?? ''}` : canonicalJson(request.body);
  return createHash('sha256').update(`${request.method.toUpperCase()}\n${request.path}\n${payload}`).digest('hex');
}
