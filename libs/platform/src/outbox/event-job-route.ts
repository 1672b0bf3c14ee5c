import { SetMetadata, Type } from '@nestjs/common';
import type { QueueName } from '../queue/queue.constants';
import type { DomainEvent } from './domain-event';

export const EVENT_JOB_ROUTE = 'saler:event-job-route';

export interface EventJobRouteMetadata {
  event: Type<DomainEvent>;
  queue: QueueName;
  job: string;
}

/** How an event becomes its job: the payload, and the job id (the queue takes one job per id). */
export interface EventJobRoute<E extends DomainEvent = DomainEvent> {
  job(event: E): { payload: unknown; jobId: string };
}

/**
 * An event whose one consumer is a job: the outbox relay enqueues that job itself, instead of a
 * domain-events job whose handler would only enqueue it (one queue hop less per event). Such an event
 * can have no @EventsHandler: the relay refuses to start if it has one.
 */
export const RelayAsJob = (event: Type<DomainEvent>, queue: QueueName, job: string) => SetMetadata(EVENT_JOB_ROUTE, { event, queue, job } satisfies EventJobRouteMetadata);
