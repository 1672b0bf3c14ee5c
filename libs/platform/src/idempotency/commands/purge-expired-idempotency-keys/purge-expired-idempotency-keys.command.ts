import { Command } from '@nestjs/cqrs';

/** Deletes idempotency keys that expired before `before`, across tenants, in batches; returns how many. */
export class PurgeExpiredIdempotencyKeysCommand extends Command<number> {
  constructor(readonly before: Date) {
    super();
  }
}
