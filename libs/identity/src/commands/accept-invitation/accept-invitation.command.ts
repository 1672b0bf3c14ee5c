import { Command } from '@nestjs/cqrs';
import { SessionResponse } from '../session.response';

/** Joins the invitation's tenant, creating the account when the email has none. */
export class AcceptInvitationCommand extends Command<SessionResponse> {
  constructor(
    readonly requestId: string,
    readonly token: string,
    readonly name: string,
    readonly password: string,
  ) {
    super();
  }
}
