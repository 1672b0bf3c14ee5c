import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaVerificationChallenge, verifyLineSignature, verifyMetaSignature, verifyTelegramSecret } from './webhook-signatures';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/webhooks');
const rawFixture = (name: string) => readFileSync(join(FIXTURES, name));
/** A channel whose credentials lack the secret: empty, or absent from the opened credentials at run time. */
const NO_SECRETS = ['', undefined as unknown as string];

describe('verifyTelegramSecret', () => {
  const secret = 'tg-secret_TOKEN-123';

  it('accepts the exact secret', () => {
    expect(verifyTelegramSecret(secret, secret)).toBe(true);
  });

  it.each([
    ['a wrong secret of the same length', 'tg-secret_TOKEN-124'],
    ['a shorter secret', 'tg-secret'],
    ['a longer secret', `${secret}x`],
    ['another case', secret.toUpperCase()],
    ['an empty header', ''],
  ])('rejects %s without throwing', (_case, header) => {
    expect(verifyTelegramSecret(header, secret)).toBe(false);
  });

  it('rejects a missing header', () => {
    expect(verifyTelegramSecret(undefined, secret)).toBe(false);
  });

  it.each(NO_SECRETS)('rejects everything when the configured secret is %j', (noSecret) => {
    expect(verifyTelegramSecret('', noSecret)).toBe(false);
  });
});

describe('verifyMetaSignature', () => {
  const body = rawFixture('messenger-text.json');
  const appSecret = 'test-app-secret';
  // openssl dgst -sha256 -hmac test-app-secret messenger-text.json
  const hex = 'e57ade8ff882a2c606fc4aee23a25389dc5ab437c8f686d5bcb4bd8d19c77884';

  it('accepts the HMAC of the raw body', () => {
    expect(verifyMetaSignature(body, `sha256=${hex}`, appSecret)).toBe(true);
  });

  it('accepts upper-case hex', () => {
    expect(verifyMetaSignature(body, `sha256=${hex.toUpperCase()}`, appSecret)).toBe(true);
  });

  it('rejects another app secret', () => {
    expect(verifyMetaSignature(body, `sha256=${hex}`, 'another-app-secret')).toBe(false);
  });

  it('rejects the same JSON re-serialised', () => {
    expect(verifyMetaSignature(Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')))), `sha256=${hex}`, appSecret)).toBe(false);
  });

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from(body.toString('utf8').replace('hello', 'hellO'));
    expect(verifyMetaSignature(tampered, `sha256=${hex}`, appSecret)).toBe(false);
  });

  it.each([
    ['a wrong digest', `sha256=${'0'.repeat(64)}`],
    ['no sha256= prefix', hex],
    ['the SHA-1 header format', `sha1=${hex.slice(0, 40)}`],
    ['a truncated digest', `sha256=${hex.slice(0, 63)}`],
    ['a too long digest', `sha256=${hex}00`],
    ['non-hex characters', `sha256=${hex.slice(0, 63)}z`],
    ['an empty value', ''],
  ])('rejects %s', (_case, header) => {
    expect(verifyMetaSignature(body, header, appSecret)).toBe(false);
  });

  it('rejects a missing header', () => {
    expect(verifyMetaSignature(body, undefined, appSecret)).toBe(false);
  });

  it.each(NO_SECRETS)('rejects everything when the configured app secret is %j', (noSecret) => {
    expect(verifyMetaSignature(body, `sha256=${hex}`, noSecret)).toBe(false);
  });
});

describe('verifyLineSignature', () => {
  const body = rawFixture('line-verify-empty.json');
  const channelSecret = '8c570fa6dd201bb328f1c1eac23a96d8';
  const signature = 'GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=';

  it('accepts the official test vector', () => {
    expect(verifyLineSignature(body, signature, channelSecret)).toBe(true);
  });

  it('accepts another body signed with another secret', () => {
    // openssl dgst -sha256 -hmac other-channel-secret -binary line-text.json | base64
    const lineTextSignature = '7Y1Xd2Uwilj33SZlKe8C8gthqmRp/msUnh5RjfWBWlo=';
    expect(verifyLineSignature(rawFixture('line-text.json'), lineTextSignature, 'other-channel-secret')).toBe(true);
  });

  it('rejects another channel secret', () => {
    expect(verifyLineSignature(body, signature, '8c570fa6dd201bb328f1c1eac23a96d9')).toBe(false);
  });

  it('rejects the body with a trailing newline', () => {
    expect(verifyLineSignature(Buffer.concat([body, Buffer.from('\n')]), signature, channelSecret)).toBe(false);
  });

  it.each([
    ['a wrong signature', 'HhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs='],
    ['the signature without padding', signature.slice(0, -1)],
    ['the signature as hex', Buffer.from(signature, 'base64').toString('hex')],
    ['not base64', 'not a signature'],
    ['an empty value', ''],
  ])('rejects %s', (_case, header) => {
    expect(verifyLineSignature(body, header, channelSecret)).toBe(false);
  });

  it('rejects a missing header', () => {
    expect(verifyLineSignature(body, undefined, channelSecret)).toBe(false);
  });

  it.each(NO_SECRETS)('rejects everything when the configured channel secret is %j', (noSecret) => {
    expect(verifyLineSignature(body, signature, noSecret)).toBe(false);
  });
});

describe('metaVerificationChallenge', () => {
  const verifyToken = 'my-verify-token';
  const query = { 'hub.mode': 'subscribe', 'hub.verify_token': verifyToken, 'hub.challenge': '1158201444' };

  it('returns the raw challenge when the token matches', () => {
    expect(metaVerificationChallenge(query, verifyToken)).toBe('1158201444');
  });

  it.each([
    ['a wrong token', { ...query, 'hub.verify_token': 'my-verify-tokem' }],
    ['a token of another length', { ...query, 'hub.verify_token': 'my' }],
    ['another mode', { ...query, 'hub.mode': 'unsubscribe' }],
    ['no mode', { 'hub.verify_token': verifyToken, 'hub.challenge': '1158201444' }],
    ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444' }],
    ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': verifyToken }],
    ['a repeated token parameter', { ...query, 'hub.verify_token': [verifyToken, verifyToken] }],
    ['an empty query', {}],
  ])('returns null for %s', (_case, badQuery) => {
    expect(metaVerificationChallenge(badQuery, verifyToken)).toBeNull();
  });

  it.each(NO_SECRETS)('returns null when the configured verify token is %j', (noSecret) => {
    expect(metaVerificationChallenge({ ...query, 'hub.verify_token': '' }, noSecret)).toBeNull();
  });
});
