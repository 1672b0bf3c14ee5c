import { getMetadataArgsStorage } from 'typeorm';
import { DatabaseDriver } from '../config/app-config';

const SQLITE_TYPES: Record<string, string> = { timestamptz: 'datetime', bytea: 'blob' };

/**
 * Entities are written once, in PostgreSQL terms. SQLite has no `timestamptz` or `bytea`; before a
 * SQLite DataSource is built, those columns are declared as `datetime` (stored as UTC text) and
 * `blob`. A process uses one driver, so the rewrite happens once and is idempotent.
 */
export function adaptColumnTypes(driver: DatabaseDriver, entities: readonly Function[]): void {
  if (driver !== 'better-sqlite3') return;
  const targets = new Set<Function>(entities);
  for (const column of getMetadataArgsStorage().columns) {
    const sqliteType = SQLITE_TYPES[String(column.options.type)];
    if (targets.has(column.target as Function) && sqliteType !== undefined) column.options.type = sqliteType as never;
  }
}
