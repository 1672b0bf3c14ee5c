import { Command } from '@nestjs/cqrs';
import { SessionResponse } from '../session.response';

/** Opens a session in another tenant of the same user. */
export class SwitchTenantCommand extends Command<SessionResponse> {
  constructor(
    readonly requestId: string,
    readonly userId: string,
    readonly tenantId: string,
  ) {
    super();
  }
}
