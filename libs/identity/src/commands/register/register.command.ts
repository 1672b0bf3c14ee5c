import { Command } from '@nestjs/cqrs';
import { SessionResponse } from '../session.response';

/** Creates a tenant, its owner and the owner's first session, in one unit of work. */
export class RegisterCommand extends Command<SessionResponse> {
  constructor(
    readonly requestId: string,
    readonly tenantName: string,
    readonly tenantSlug: string,
    readonly email: string,
    readonly password: string,
    readonly name: string,
  ) {
    super();
  }
}
