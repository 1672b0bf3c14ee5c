import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PurgePublishedOutboxHandler } from './commands/purge-published-outbox/purge-published-outbox.handler';
import { DomainEventsProcessor } from './domain-events.processor';
import { OutboxPurgeProcessor } from './outbox-purge.processor';
import { OutboxRelay } from './outbox-relay';

/** The outbox relay, the domain-events processor and the hourly purge; all idle unless this process consumes queues. */
@Module({
  imports: [DiscoveryModule],
  providers: [OutboxRelay, DomainEventsProcessor, OutboxPurgeProcessor, PurgePublishedOutboxHandler],
  exports: [OutboxRelay],
})
export class OutboxModule {}
