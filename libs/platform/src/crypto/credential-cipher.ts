import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export class SealedValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedValueError';
  }
}

/**
 * Seals secrets at rest with AES-256-GCM: `<keyId>.<iv>.<tag>.<ciphertext>` (base64url). The key id
 * lets keys rotate: new values are sealed with ENCRYPTION_KEY, older ones still open with
 * ENCRYPTION_PREVIOUS_KEYS. `context` (e.g. `channel:<tenant>:<id>`) is bound as additional data, so a
 * sealed value copied onto another row does not open.
 */
@Injectable()
export class CredentialCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'encryption'>) {
    this.keys = new Map([...Object.entries(config.encryption.previous), [config.encryption.keyId, config.encryption.key]]);
  }

  get currentKeyId(): string {
    return this.config.encryption.keyId;
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.encryption.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.config.encryption.keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  open(sealed: string, context: string): string {
    const [keyId, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (ciphertext === undefined || rest.length > 0) throw new SealedValueError('Not a sealed value');
    const key = this.keys.get(keyId);
    if (key === undefined) throw new SealedValueError(`Sealed with key ${keyId}, which is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedValueError('Sealed value does not open with its key (tampered, or sealed for another row)');
    }
  }

  sealJson(value: Record<string, string>, context: string): string {
    return this.seal(JSON.stringify(value), context);
  }

  openJson(sealed: string, context: string): Record<string, string> {
    return JSON.parse(this.open(sealed, context)) as Record<string, string>;
  }

  /** Whether this value is sealed with an older key (a re-seal moves it to the current one). */
  needsReseal(sealed: string): boolean {
    return !sealed.startsWith(`${this.config.encryption.keyId}.`);
  }
}

/** What the API shows of a secret: its last 4 characters. */
export function secretHint(secret: string): string {
  return secret.length <= 4 ? '…' : secret.slice(-4);
}
