import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, ScheduledJob } from '../queue/job-processor.decorator';
import { JOBS, QUEUES } from '../queue/queue.constants';
import { PurgeExpiredIdempotencyKeysCommand } from './commands/purge-expired-idempotency-keys/purge-expired-idempotency-keys.command';

const HOUR_MS = 60 * 60 * 1000;

/** Hourly: purges expired idempotency keys (replay window over, or an in-flight lease that ran out). */
@Injectable()
@ScheduledJob(QUEUES.MAINTENANCE, JOBS.IDEMPOTENCY_PURGE, HOUR_MS)
export class IdempotencyPurgeProcessor implements JobHandler {
  constructor(private readonly commandBus: CommandBus) {}

  async process(): Promise<void> {
    await this.commandBus.execute(new PurgeExpiredIdempotencyKeysCommand(new Date()));
  }
}
