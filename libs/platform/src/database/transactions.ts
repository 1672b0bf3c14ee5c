import { Mutex } from 'async-mutex';
import type { DataSource, EntityManager } from 'typeorm';

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
