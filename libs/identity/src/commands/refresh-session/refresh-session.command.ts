import { Command } from '@nestjs/cqrs';
import { SessionResponse } from '../session.response';

/** Rotates a refresh token; a token presented twice revokes its whole family. */
export class RefreshSessionCommand extends Command<SessionResponse> {
  constructor(
    readonly requestId: string,
    readonly refreshToken: string,
  ) {
    super();
  }
}
