import { randomBytes } from 'node:crypto';
import { CredentialCipher, SealedValueError, secretHint } from './credential-cipher';

const key = (): Buffer => randomBytes(32);

describe('CredentialCipher', () => {
  const k1 = key();
  const cipher = new CredentialCipher({ encryption: { keyId: 'k1', key: k1, previous: {} } });

  it('seals with AES-256-GCM under the current key id, and opens it again', () => {
    const sealed = cipher.seal('123456:ABC-telegram-token', 'channel:t:c');
    expect(sealed.split('.')).toHaveLength(4);
    expect(sealed.startsWith('k1.')).toBe(true);
    expect(sealed).not.toContain('telegram');
    expect(cipher.open(sealed, 'channel:t:c')).toBe('123456:ABC-telegram-token');
  });

  it('uses a fresh IV every time', () => {
    expect(cipher.seal('same', 'x')).not.toBe(cipher.seal('same', 'x'));
  });

  it('refuses a value moved to another row (context is authenticated)', () => {
    const sealed = cipher.seal('secret', 'channel:t:a');
    expect(() => cipher.open(sealed, 'channel:t:b')).toThrow(SealedValueError);
  });

  it('refuses a tampered ciphertext', () => {
    const parts = cipher.seal('secret', 'x').split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    parts[3] = flipped.toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'x')).toThrow(SealedValueError);
  });

  it('rotates: a new key seals, the previous key still opens old values, an unknown key id is refused', () => {
    const old = cipher.seal('old secret', 'x');
    const rotated = new CredentialCipher({ encryption: { keyId: 'k2', key: key(), previous: { k1 } } });
    expect(rotated.open(old, 'x')).toBe('old secret');
    expect(rotated.needsReseal(old)).toBe(true);
    expect(rotated.seal('new', 'x').startsWith('k2.')).toBe(true);
    const forgotten = new CredentialCipher({ encryption: { keyId: 'k3', key: key(), previous: {} } });
    expect(() => forgotten.open(old, 'x')).toThrow(/key k1/);
    expect(() => forgotten.open('garbage', 'x')).toThrow(SealedValueError);
  });

  it('round-trips JSON credential sets', () => {
    expect(cipher.openJson(cipher.sealJson({ a: '1', b: '2' }, 'y'), 'y')).toEqual({ a: '1', b: '2' });
  });

  it('hints only the last 4 characters', () => {
    expect(secretHint('EAAG-long-access-token-9f3a')).toBe('9f3a');
    expect(secretHint('abc')).toBe('…');
  });
});
