import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from '../database/database.tokens';
import { QUEUE_DRIVER, QueueDriver } from '../queue/queue-driver';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Readiness: the database answers, and so does Redis when the queue runs on it. Shared by the api and the worker. */
@Injectable()
export class Readiness {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
  ) {}

  check() {
    return this.health.check([
      () => this.probe('database', () => this.dataSource.query('SELECT 1')),
      ...(this.queue.kind === 'bullmq' ? [() => this.probe('redis', () => this.queue.ping())] : []),
    ]);
  }

  private async probe(key: string, ping: () => Promise<unknown>) {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(ping(), key);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
