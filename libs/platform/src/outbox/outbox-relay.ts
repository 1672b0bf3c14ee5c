import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ActorType } from '../context/tenant-context';
import { SystemUnitOfWork } from '../database/system-unit-of-work';
import { METRICS } from '../metrics/metric-names';
import { QUEUES } from '../queue/queue.constants';
import { QUEUE_CONSUMER_ENABLED } from '../queue/queue-consumer';
import { QUEUE_DRIVER, QueueDriver } from '../queue/queue-driver';
import { DomainEventEnvelope } from './domain-event';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxSignal } from './outbox-signal';

/**
 * Moves committed domain events from the outbox to the domain-events queue. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so several relays never send the same row twice at once; each job's id
 * is the outbox id, so a relay that dies between enqueue and commit cannot duplicate it either.
 * Runs in the process that consumes the queues, on the cross-tenant system connection.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private unsubscribe?: () => void;

  constructor(
    private readonly system: SystemUnitOfWork,
    private readonly signal: OutboxSignal,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(QUEUE_CONSUMER_ENABLED) private readonly enabled: boolean,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectMetric(METRICS.OUTBOX_RELAYED) private readonly relayed: Counter,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
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
      await this.queue.addBulk(
        QUEUES.DOMAIN_EVENTS,
        rows.map((row) => ({ name: row.type, data: { tenantId: row.tenantId, actor: actorOf(row), requestId: row.requestId, payload: envelopeOf(row) }, opts: { jobId: row.id } })),
      );
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
