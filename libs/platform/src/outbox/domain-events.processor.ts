import { Injectable, OnApplicationBootstrap, Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { IEventHandler } from '@nestjs/cqrs';
import { EVENTS_HANDLER_METADATA } from '@nestjs/cqrs/dist/decorators/constants';
import { JobHandler, JobProcessor } from '../queue/job-processor.decorator';
import { QUEUES } from '../queue/queue.constants';
import { QueueJob } from '../queue/queue-driver';
import { DomainEvent, DomainEventEnvelope, rehydrate } from './domain-event';

/**
 * Delivers each relayed domain event to the @EventsHandler classes registered for it, and awaits
 * them: a failing handler fails the job, which the queue retries with backoff. Handlers must
 * therefore be idempotent (delivery is at least once).
 */
@Injectable()
@JobProcessor(QUEUES.DOMAIN_EVENTS)
export class DomainEventsProcessor implements JobHandler<DomainEventEnvelope>, OnApplicationBootstrap {
  private readonly handlers = new Map<Function, IEventHandler[]>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const events = Reflect.getMetadata(EVENTS_HANDLER_METADATA, wrapper.metatype) as Type<DomainEvent>[] | undefined;
      for (const event of events ?? []) {
        const list = this.handlers.get(event) ?? [];
        list.push(wrapper.instance as IEventHandler);
        this.handlers.set(event, list);
      }
    }
  }

  async process(job: QueueJob<DomainEventEnvelope>): Promise<void> {
    const event = rehydrate(job.data.payload);
    if (event === undefined) throw new Error(`Unknown domain event type ${job.data.payload.type}`);
    for (const handler of this.handlers.get(event.constructor) ?? []) await handler.handle(event);
  }
}
