import { Command } from '@nestjs/cqrs';

/** System work across tenants: queues a rescore of every tenant that has leads, so inactivity decay moves scores without any event. Returns how many. */
export class RescoreAllTenantsCommand extends Command<number> {
  constructor(
    readonly day: string,
    readonly requestId: string,
  ) {
    super();
  }
}
