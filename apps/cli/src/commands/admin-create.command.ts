import { CommandBus } from '@nestjs/cqrs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CreatePlatformAdminCommand } from '@saler/identity';

interface AdminCreateOptions {
  email: string;
  password: string;
  name?: string;
}

/** `saler admin:create --email --password [--name]`: creates a platform admin, or promotes that user. */
@Command({ name: 'admin:create', description: 'Create a platform admin (or promote the user with that email)' })
export class AdminCreateCommand extends CommandRunner {
  constructor(private readonly commandBus: CommandBus) {
    super();
  }

  async run(_args: string[], options: AdminCreateOptions): Promise<void> {
    const result = await this.commandBus.execute(new CreatePlatformAdminCommand(options.email, options.password, options.name ?? 'Platform admin'));
    process.stdout.write(`${result.created ? 'Created' : 'Promoted'} platform admin ${options.email.trim().toLowerCase()} (${result.userId})\n`);
  }

  @Option({ flags: '--email <email>', description: 'the admin email', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>', description: 'at least 10 characters, not a common password', required: true })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'display name' })
  parseName(value: string): string {
    return value;
  }
}
