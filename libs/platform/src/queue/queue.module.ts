import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BullmqQueueDriver } from './bullmq-queue.driver';
import { InlineQueueDriver } from './inline-queue.driver';
import { QUEUE_CONSUMER_ENABLED, QueueConsumer } from './queue-consumer';
import { QUEUE_DRIVER, QueueDriver } from './queue-driver';

export interface QueueModuleOptions {
  /** Whether this process runs the job processors (the worker; the api on the inline driver). */
  consume: boolean;
}

@Global()
@Module({})
export class QueueModule implements BeforeApplicationShutdown {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}

  static forRoot(options: QueueModuleOptions): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers: [
        {
          provide: QUEUE_DRIVER,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig): QueueDriver =>
            config.queue.driver === 'bullmq' ? new BullmqQueueDriver(config.queue.redisUrl, config.queue.prefix) : new InlineQueueDriver(),
        },
        { provide: QUEUE_CONSUMER_ENABLED, useValue: options.consume },
        QueueConsumer,
      ],
      exports: [QUEUE_DRIVER, QUEUE_CONSUMER_ENABLED],
    };
  }

  /**
   * Graceful shutdown: after onModuleDestroy (the outbox relay has stopped) and before the
   * DataSources close (onApplicationShutdown), stop taking jobs and wait for the active ones.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}
