import { Command } from '@nestjs/cqrs';

/** Across tenants: conversations quiet for the summary idle time since their last message, and not summarised since, get a summary job. */
export class SweepIdleConversationsCommand extends Command<number> {
  constructor(
    readonly now: Date,
    readonly requestId: string,
  ) {
    super();
  }
}
