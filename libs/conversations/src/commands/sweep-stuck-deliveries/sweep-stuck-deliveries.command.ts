import { Command } from '@nestjs/cqrs';

/** Across tenants: queued outbound messages whose delivery has not moved for a while get their next attempt. */
export class SweepStuckDeliveriesCommand extends Command<number> {
  constructor(
    readonly now: Date,
    readonly requestId: string,
  ) {
    super();
  }
}
