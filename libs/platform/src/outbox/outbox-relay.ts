import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EVENTS_HANDLER_METADATA } from '@nestjs/cqrs/dist/decorators/constants';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ActorType } from '../context/tenant-context';
import { SystemUnitOfWork } from '../database/system-unit-of-work';
import { METRICS } from '../metrics/metric-names';
import { QueueName, QUEUES } from '../queue/queue.constants';
import { QUEUE_CONSUMER_ENABLED } from '../queue/queue-consumer';
import { BulkJob, QUEUE_DRIVER, QueueDriver } from '../queue/queue-driver';
import { DomainEvent, DomainEventEnvelope, rehydrate } from './domain-event';
import { EVENT_JOB_ROUTE, EventJobRoute, EventJobRouteMetadata } from './event-job-route';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxSignal } from './outbox-signal';

interface Route extends EventJobRouteMetadata {
  route: EventJobRoute;
}

/**
 * Moves committed domain events from the outbox to the domain-events queue, or, for an event relayed
 * as a job (@RelayAsJob), straight to that job's queue. Rows are claimed with `FOR UPDATE SKIP
 * LOCKED`, so several relays never send the same row twice at once; each job's id is the outbox id
 * (or the route's), so a relay that dies between enqueue and commit cannot duplicate it either.
 * Runs in the process that consumes the queues, on the cross-tenant system connection.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private unsubscribe?: () => void;
  /** By event type. */
  private readonly routes = new Map<string, Route>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly system: SystemUnitOfWork,
    private readonly signal: OutboxSignal,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(QUEUE_CONSUMER_ENABLED) private readonly enabled: boolean,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectMetric(METRICS.OUTBOX_RELAYED) private readonly relayed: Counter,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.findRoutes();
    this.unsubscribe = this.signal.subscribe(() => this.wake?.());
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }

  /** Relays one batch; returns how many rows it sent. */
  async relayOnce(): Promise<number> {
    const sent = await this.system.run(async (manager) => {
      const rows = await this.claim(manager);
      if (rows.length === 0) return 0;
      const jobs = this.jobsOf(rows);
      for (const [queue, list] of jobs) await this.queue.addBulk(queue, list);
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ publishedAt: new Date() })
        .where('id IN (:...ids)', { ids: rows.map((row) => row.id) })
        .execute();
      return rows.length;
    });
    if (sent > 0) this.relayed.inc(sent);
    return sent;
  }

  /**
   * The claimed rows' jobs, by queue, in the order of their first rows: the domain-events job of a
   * row without a route; a routed event's job, with the tenant's next ones of its type up to the
   * route's batch.
   */
  private jobsOf(rows: OutboxMessage[]): Map<QueueName, BulkJob[]> {
    const groups: { route?: Route; rows: OutboxMessage[] }[] = [];
    const open = new Map<string, OutboxMessage[]>();
    for (const row of rows) {
      const route = this.routes.get(row.type);
      const key = `${row.type}\u0000${row.tenantId}`;
      const batch = open.get(key);
      if (route !== undefined && batch !== undefined && batch.length < route.batch) {
        batch.push(row);
        continue;
      }
      groups.push({ route, rows: [row] });
      if (route !== undefined) open.set(key, groups[groups.length - 1].rows);
    }
    const jobs = new Map<QueueName, BulkJob[]>();
    for (const { route, rows: group } of groups) {
      const [queue, job] = route === undefined ? [QUEUES.DOMAIN_EVENTS, domainEventJob(group[0])] : [route.queue, routedJob(route, group)];
      const list = jobs.get(queue) ?? [];
      list.push(job);
      jobs.set(queue, list);
    }
    return jobs;
  }

  private findRoutes(): void {
    const handled = new Set<Function>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      for (const event of (Reflect.getMetadata(EVENTS_HANDLER_METADATA, wrapper.metatype) as Function[] | undefined) ?? []) handled.add(event);
      const route = Reflect.getMetadata(EVENT_JOB_ROUTE, wrapper.metatype) as EventJobRouteMetadata | undefined;
      if (route !== undefined) this.routes.set((route.event as unknown as { type: string }).type, { ...route, route: wrapper.instance as EventJobRoute });
    }
    for (const { event } of this.routes.values()) {
      if (handled.has(event)) throw new Error(`${event.name} is relayed as a job (@RelayAsJob) and also has an @EventsHandler, which would never see it`);
    }
  }

  private claim(manager: EntityManager): Promise<OutboxMessage[]> {
    const query = manager
      .getRepository(OutboxMessage)
      .createQueryBuilder('outbox')
      .where('outbox.publishedAt IS NULL')
      .orderBy('outbox.id', 'ASC')
      .limit(this.config.outbox.batchSize);
    if (this.system.isPostgres) query.setLock('pessimistic_write').setOnLocked('skip_locked');
    return query.getMany();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let sent = 0;
      try {
        sent = await this.relayOnce();
      } catch (error) {
        this.logger.error({ err: error }, 'Outbox relay failed; retrying');
      }
      if (sent < this.config.outbox.batchSize && !this.stopping) await this.pause(this.config.outbox.pollIntervalMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** The domain-events job that gives the row's event to its @EventsHandler classes; the job id is the row's. */
function domainEventJob(row: OutboxMessage): BulkJob {
  const envelope = envelopeOf(row);
  return { name: row.type, data: { tenantId: row.tenantId, actor: envelope.actor, requestId: row.requestId, payload: envelope }, opts: { jobId: row.id } };
}

/**
 * The route's job for some of a tenant's events, with the first one's actor and request. Its id is the
 * row's, or for several a digest of their ids: rows claimed again after a relay failed to mark them
 * published are not enqueued twice, and a batch that differs is another job.
 */
function routedJob(route: Route, rows: OutboxMessage[]): BulkJob {
  const [first] = rows;
  const events = rows.map((row) => rehydrate(envelopeOf(row)) as DomainEvent);
  const jobId = rows.length === 1 ? first.id : `batch.${createHash('sha1').update(rows.map((row) => row.id).join(',')).digest('base64url')}`;
  return { name: route.job, data: { tenantId: first.tenantId, actor: actorOf(first), requestId: first.requestId, payload: route.route.payload(events) }, opts: { jobId } };
}

function actorOf(row: OutboxMessage) {
  return { type: row.actorType as ActorType, id: row.actorId };
}

function envelopeOf(row: OutboxMessage): DomainEventEnvelope {
  return {
    eventId: row.id,
    type: row.type,
    tenantId: row.tenantId,
    actor: actorOf(row),
    requestId: row.requestId,
    occurredAt: row.occurredAt.toISOString(),
    payload: row.payload,
  };
}
