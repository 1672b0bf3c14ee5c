import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../context/tenant-context';
import { JobHandler, JobProcessor } from '../queue/job-processor.decorator';
import { JOBS, QUEUES } from '../queue/queue.constants';
import { QUEUE_CONSUMER_ENABLED } from '../queue/queue-consumer';
import { QUEUE_DRIVER, QueueDriver } from '../queue/queue-driver';
import { PurgeExpiredIdempotencyKeysCommand } from './commands/purge-expired-idempotency-keys/purge-expired-idempotency-keys.command';

const HOUR_MS = 60 * 60 * 1000;

/** Hourly: purges expired idempotency keys (replay window over, or an in-flight lease that ran out). */
@Injectable()
@JobProcessor(QUEUES.MAINTENANCE, JOBS.IDEMPOTENCY_PURGE)
export class IdempotencyPurgeProcessor implements JobHandler, OnApplicationBootstrap {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(QUEUE_CONSUMER_ENABLED) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.queue.schedule(QUEUES.MAINTENANCE, JOBS.IDEMPOTENCY_PURGE, HOUR_MS, { tenantId: null, actor: SYSTEM_ACTOR, requestId: randomUUID(), payload: {} });
  }

  async process(): Promise<void> {
    await this.commandBus.execute(new PurgeExpiredIdempotencyKeysCommand(new Date()));
  }
}
