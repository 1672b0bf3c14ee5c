import { Mutex } from 'async-mutex';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

const sqliteLocks = new WeakMap<DataSource, Mutex>();

/**
 * Runs `work` in one transaction. SQLite has a single connection shared by the whole process,
 * so its transactions are serialised here instead of failing with "transaction within a transaction".
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);
  let lock = sqliteLocks.get(dataSource);
  if (lock === undefined) {
    lock = new Mutex();
    sqliteLocks.set(dataSource, lock);
  }
  return lock.runExclusive(() => dataSource.transaction(work));
}

export function isPostgres(dataSource: DataSource): boolean {
  return dataSource.options.type === 'postgres';
}

/** A tenant id: a UUID, spelt so that it can stand in SQL as a literal. */
export const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * inTransaction() for one tenant's work on PostgreSQL, with `app.tenant_id` set for the transaction
 * (row-level security reads it). The transaction and its tenant start in one round trip: both
 * statements in one simple query, the tenant id written into it (it is checked to be a UUID first, as
 * a bind parameter cannot be used there). The query runner is then told its transaction has begun,
 * as its own startTransaction() would have done, so that savepoints, commit and rollback behave alike.
 */
export async function inTenantTransaction<T>(dataSource: DataSource, tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (!TENANT_ID.test(tenantId)) throw new Error(`A tenant transaction needs a tenant id, got ${JSON.stringify(tenantId)}`);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(`START TRANSACTION; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
    markTransactionBegun(runner);
    try {
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      // The work's error is the one to report, even when the rollback fails too.
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** What TypeORM's startTransaction() records after its START TRANSACTION (BaseQueryRunner: isTransactionActive, transactionDepth). */
function markTransactionBegun(runner: QueryRunner): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth = 1;
}
