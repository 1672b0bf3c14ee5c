import { Command } from '@nestjs/cqrs';

/** Daily, across tenants: one retention job per tenant that has conversations. */
export class SweepRetentionCommand extends Command<number> {
  constructor(
    readonly day: string,
    readonly requestId: string,
  ) {
    super();
  }
}
