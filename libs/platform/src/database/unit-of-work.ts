import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { RequestContextStore } from '../context/request-context';
import { QueryFailedError } from 'typeorm';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { TenantContext } from '../context/tenant-context';
import { DomainEvent } from '../outbox/domain-event';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { OutboxSignal } from '../outbox/outbox-signal';
import { AuditRecord, AuditSink } from './audit-sink';
import { APP_DATA_SOURCE } from './database.tokens';
import { inTenantTransaction, inTransaction, isPostgres, TENANT_ID } from './transactions';
import { BulkRows, TenantRepository } from './tenant-repository';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** A prepared statement's name on its connection: the hash of its text, so one text is prepared once. */
function statementName(sql: string): string {
  return `saler_${createHash('sha1').update(sql).digest('base64url')}`;
}

/** The key of a named lock (see GlobalTx.hold), for the SQL expression of its name (text). */
export const lockKeySql = (nameSql: string): string => `hashtextextended(${nameSql}, 0)`;

/**
 * A transaction with no tenant set: only global tables (tenants, users) are useful in it; under RLS
 * every tenant table reads as empty and refuses writes.
 */
export class GlobalTx {
  constructor(readonly manager: EntityManager) {}

  /** PostgreSQL (RLS, locks, pg_trgm, SECURITY DEFINER paths), else the embedded SQLite. */
  get isPostgres(): boolean {
    return this.manager.connection.options.type === 'postgres';
  }

  /**
   * One raw statement of a fixed text (its parameters bound, never spliced in) on a hot path. On PostgreSQL it runs
   * as a named prepared statement of the pooled connection, named by the text's hash: parsed once per connection,
   * and planned once when PostgreSQL finds its generic plan as good as a custom one (plan_cache_mode auto), which
   * for a statement of many small SELECTs under RLS costs more than running it. Each distinct text stays prepared
   * for the life of the connection, so texts that vary with the data (an IN list, say) must come in few shapes.
   * Elsewhere, EntityManager.query. Errors are TypeORM's QueryFailedError either way.
   */
  async prepared<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    if (!this.isPostgres) return this.manager.query(sql, parameters);
    const runner = this.manager.queryRunner;
    if (runner === undefined) throw new Error('GlobalTx.prepared runs inside the transaction of a unit of work');
    const client = (await runner.connect()) as { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
    try {
      return (await client.query({ name: statementName(sql), text: sql, values: parameters })).rows;
    } catch (error) {
      throw new QueryFailedError(sql, parameters, error as Error);
    }
  }

  /**
   * Holds the lock of this name until the transaction ends, waiting for the transaction that holds it:
   * on PostgreSQL a transaction-scoped advisory lock keyed by `lockKeySql` of the name (a statement that
   * holds several at once computes the same keys in SQL). SQLite runs one writing transaction at a time,
   * so a transaction there holds every lock already.
   */
  async hold(name: string): Promise<void> {
    if (this.isPostgres) await this.prepared(`SELECT pg_advisory_xact_lock(${lockKeySql('$1::text')})`, [name]);
  }

  /** A repository of a global (not tenant-owned) table, bound to this transaction. */
  global<E extends ObjectLiteral>(target: EntityTarget<E>): Repository<E> {
    return this.manager.getRepository(target);
  }
}

/** The transaction a tenant-scoped handler works in. */
export class TenantTx extends GlobalTx {
  private readonly events: DomainEvent[] = [];
  private written = 0;
  /** @internal read by the unit of work before commit */
  readonly auditRecords: AuditRecord[] = [];

  constructor(
    readonly context: TenantContext,
    /** Raw access for SQL the repositories cannot express; still inside the tenant's transaction (and RLS). */
    manager: EntityManager,
  ) {
    super(manager);
  }

  get tenantId(): string {
    return this.context.tenantId;
  }

  repository<E extends TenantOwnedEntity>(target: EntityTarget<E>): TenantRepository<E> {
    return new TenantRepository(this.manager, target, this.context.tenantId);
  }

  /** Records a domain event; it is written to the outbox in this transaction and relayed after commit. */
  publish(...events: DomainEvent[]): void {
    for (const event of events) {
      if (event.context.tenantId !== this.context.tenantId) {
        throw new Error(`Event ${event.type} of tenant ${event.context.tenantId} published in a unit of work of ${this.context.tenantId}`);
      }
      this.events.push(event);
    }
  }

  /** Appends an audit entry (who, what, before/after) in this transaction. */
  audit(...records: AuditRecord[]): void {
    this.auditRecords.push(...records);
  }

  /**
   * Writes the events published so far to the outbox now, with `alongside` rows (`rows()` of a
   * repository) in the same statement on PostgreSQL: a handler's last insert and its events in one
   * round trip. The unit of work writes the events published after this when it ends, as usual.
   */
  async flushOutbox(...alongside: BulkRows[]): Promise<void> {
    if (this.events.length === 0 && alongside.length === 0) return;
    const rows = this.events.splice(0).map((event) => ({
      tenantId: event.context.tenantId,
      id: event.id,
      type: event.type,
      payload: event.payload as Record<string, unknown>,
      actorType: event.context.actor.type,
      actorId: event.context.actor.id,
      requestId: event.context.requestId,
      occurredAt: event.occurredAt,
      publishedAt: null,
    }));
    this.written += rows.length;
    await this.repository(OutboxMessage).insertBulk(rows, ...alongside);
  }

  /** @internal how many events this transaction wrote to the outbox, read by the unit of work after its last flush */
  get eventsWritten(): number {
    return this.written;
  }
}

/**
 * Runs tenant-scoped work in one transaction. On PostgreSQL the transaction first sets
 * `app.tenant_id` (transaction-local, in the round trip that begins it: inTenantTransaction), so
 * row-level security scopes every statement, including
 * raw SQL that forgets its `WHERE tenant_id`. A nested call for the same tenant joins the outer
 * transaction; a nested call for another tenant is refused.
 */
@Injectable()
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<TenantTx>();

  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly outboxSignal: OutboxSignal,
    private readonly cls: ClsService<RequestContextStore>,
    @Optional() private readonly auditSink?: AuditSink,
  ) {}

  async run<T>(context: TenantContext, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    if (!TENANT_ID.test(context.tenantId)) throw new Error(`A unit of work needs a tenant id, got ${JSON.stringify(context.tenantId)}`);
    const outer = this.current.getStore();
    if (outer !== undefined) {
      if (outer.tenantId !== context.tenantId) {
        throw new Error(`A unit of work of tenant ${context.tenantId} cannot nest inside one of tenant ${outer.tenantId}`);
      }
      return work(outer);
    }
    let published = 0;
    const transaction = <R>(work: (manager: EntityManager) => Promise<R>) =>
      isPostgres(this.dataSource) ? inTenantTransaction(this.dataSource, context.tenantId, work) : inTransaction(this.dataSource, work);
    const result = await transaction(async (manager) => {
      const tx = new TenantTx(context, manager);
      const value = await this.current.run(tx, () => work(tx));
      await tx.flushOutbox();
      published = tx.eventsWritten;
      if (tx.auditRecords.length > 0) {
        if (this.auditSink === undefined) throw new Error('Audit records were written but no AuditSink is registered');
        const origin = this.cls.isActive() ? { ip: this.cls.get('ip'), userAgent: this.cls.get('userAgent') } : {};
        await this.auditSink.append(tx, origin, tx.auditRecords);
      }
      return value;
    });
    if (published > 0) this.outboxSignal.notify();
    return result;
  }

  /**
   * A unit of work of its own even when the caller runs inside another: for long orchestrations
   * (an import reading its file while a batch commits) whose steps must never join whatever
   * transaction their async context happens to inherit.
   */
  runSeparately<T>(context: TenantContext, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    return this.current.exit(() => this.run(context, work));
  }

  /** Work on global tables before any tenant is known (login, registration lookups). */
  runGlobal<T>(work: (tx: GlobalTx) => Promise<T>): Promise<T> {
    if (this.current.getStore() !== undefined) throw new Error('A global unit of work cannot nest inside a tenant one');
    return inTransaction(this.dataSource, (manager) => work(new GlobalTx(manager)));
  }
}
