import { Command } from '@nestjs/cqrs';
import { SessionResponse } from '../session.response';

export class LoginCommand extends Command<SessionResponse> {
  constructor(
    readonly requestId: string,
    readonly email: string,
    readonly password: string,
    readonly tenantSlug?: string,
  ) {
    super();
  }
}
