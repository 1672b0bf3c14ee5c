import { Command } from '@nestjs/cqrs';

/** Deletes outbox rows published before `before`, across tenants, in batches; returns how many. */
export class PurgePublishedOutboxCommand extends Command<number> {
  constructor(readonly before: Date) {
    super();
  }
}
