import { SetMetadata, Type } from '@nestjs/common';
import type { QueueName } from '../queue/queue.constants';
import type { DomainEvent } from './domain-event';

export const EVENT_JOB_ROUTE = 'saler:event-job-route';

export interface EventJobRouteMetadata {
  event: Type<DomainEvent>;
  queue: QueueName;
  job: string;
  /** At most this many of a tenant's events relayed together become one job. */
  batch: number;
}

/** How some events of one tenant, in the order they were written, become one job's payload. */
export interface EventJobRoute<E extends DomainEvent = DomainEvent> {
  payload(events: E[]): unknown;
}

/**
 * An event whose one consumer is a job: the outbox relay enqueues that job itself, instead of a
 * domain-events job whose handler would only enqueue it (one queue hop less per event). Such an event
 * can have no @EventsHandler: the relay refuses to start if it has one. With `batch` above 1, a
 * tenant's events that one relay pass claims go in jobs of up to that many (one queue job per batch
 * rather than per event); the job is retried whole, so its processor must take an event it has taken
 * before as done.
 */
export const RelayAsJob = (event: Type<DomainEvent>, queue: QueueName, job: string, options: { batch?: number } = {}) =>
  SetMetadata(EVENT_JOB_ROUTE, { event, queue, job, batch: options.batch ?? 1 } satisfies EventJobRouteMetadata);
