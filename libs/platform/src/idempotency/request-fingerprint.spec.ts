import { createHash } from 'node:crypto';
import { canonicalJson, isValidIdempotencyKey, requestFingerprint } from './request-fingerprint';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('sorts by UTF-16 code units (RFC 8785), escapes keys, and serialises scalars like JSON', () => {
    expect(canonicalJson({ é: 1, Z: 2, a: 3, 'q"': 4 })).toBe('{"Z":2,"a":3,"q\\"":4,"é":1}');
    expect(canonicalJson('text')).toBe('"text"');
    expect(canonicalJson(1.5e3)).toBe('1500');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ gone: undefined, kept: 0 })).toBe('{"kept":0}');
  });
});

describe('requestFingerprint', () => {
  const base = { method: 'POST', path: '/api/v1/api-keys', contentType: 'application/json', contentLength: '30', body: { name: 'k', role: 'viewer' } };

  it('is the SHA-256 of method, path and canonical body', () => {
    const expected = createHash('sha256').update('POST\n/api/v1/api-keys\n{"name":"k","role":"viewer"}').digest('hex');
    expect(requestFingerprint(base)).toBe(expected);
    expect(requestFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores key order and the body length of JSON requests', () => {
    expect(requestFingerprint({ ...base, contentLength: '99', body: { role: 'viewer', name: 'k' } })).toBe(requestFingerprint(base));
  });

  it('differs for another body, path or method', () => {
    const fingerprint = requestFingerprint(base);
    expect(requestFingerprint({ ...base, body: { name: 'k', role: 'agent' } })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...base, path: '/api/v1/invitations' })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...base, method: 'PUT' })).not.toBe(fingerprint);
  });

  it('hashes a multipart request by media type and length, never by its (unread) body or boundary', () => {
    const upload = { method: 'POST', path: '/api/v1/imports', contentType: 'multipart/form-data; boundary=----a', contentLength: '2048', body: undefined };
    const fingerprint = requestFingerprint(upload);
    expect(requestFingerprint({ ...upload, contentType: 'Multipart/Form-Data; boundary=----b' })).toBe(fingerprint);
    expect(requestFingerprint({ ...upload, body: { ignored: true } })).toBe(fingerprint);
    expect(requestFingerprint({ ...upload, contentLength: '2049' })).not.toBe(fingerprint);
    expect(fingerprint).toBe(createHash('sha256').update('POST\n/api/v1/imports\nmultipart/form-data; length=2048').digest('hex'));
  });
});

describe('isValidIdempotencyKey', () => {
  it('accepts 1 to 255 printable ASCII characters', () => {
    expect(isValidIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe(true);
    expect(isValidIdempotencyKey('"quoted value" ~!')).toBe(true);
    expect(isValidIdempotencyKey('k'.repeat(255))).toBe(true);
  });

  it('refuses an empty, too long, non-ASCII or repeated key', () => {
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('k'.repeat(256))).toBe(false);
    expect(isValidIdempotencyKey('clé')).toBe(false);
    expect(isValidIdempotencyKey('tab\there')).toBe(false);
    expect(isValidIdempotencyKey(['a', 'b'])).toBe(false);
  });
});
