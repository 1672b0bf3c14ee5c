import { Command } from '@nestjs/cqrs';

/** Creates a platform admin, or promotes the user with that email. Returns what happened. */
export class CreatePlatformAdminCommand extends Command<{ userId: string; created: boolean }> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly name: string,
  ) {
    super();
  }
}
