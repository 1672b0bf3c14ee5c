import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DomainEventsProcessor } from './domain-events.processor';
import { OutboxRelay } from './outbox-relay';

/** The outbox relay and the domain-events processor; both are idle unless this process consumes queues. */
@Module({
  imports: [DiscoveryModule],
  providers: [OutboxRelay, DomainEventsProcessor],
  exports: [OutboxRelay],
})
export class OutboxModule {}
