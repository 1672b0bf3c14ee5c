import { Command } from '@nestjs/cqrs';

/** Ends the session the refresh token belongs to. Unknown tokens are accepted silently. */
export class LogoutCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly refreshToken: string,
  ) {
    super();
  }
}
