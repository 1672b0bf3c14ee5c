import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ProblemException } from '../http/problem';

/**
 * Opaque, tamper-checked keyset cursors: base64url(JSON) plus an HMAC, so a client can neither
 * read nor forge a position. A page costs the same at any depth.
 */
@Injectable()
export class CursorCodec {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('saler:cursor').digest();
  }

  encode(position: Record<string, string | number>): string {
    const body = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  decode<T extends Record<string, string | number>>(cursor: string): T {
    const [body, signature] = cursor.split('.');
    const expected = body ? this.sign(body) : '';
    if (!body || !signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'invalid-cursor', 'The cursor is not one this API issued', { errors: [{ field: 'cursor', message: 'cursor is invalid' }] });
    }
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }
}
