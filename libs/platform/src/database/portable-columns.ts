import { getMetadataArgsStorage } from 'typeorm';
import { DatabaseDriver } from '../config/app-config';

/**
 * Entities are written once, in PostgreSQL terms. SQLite has no `timestamptz`; before a SQLite
 * DataSource is built, those columns are declared as `datetime`, which TypeORM stores as UTC text.
 * A process uses one driver, so the rewrite happens once and is idempotent.
 */
export function adaptColumnTypes(driver: DatabaseDriver, entities: readonly Function[]): void {
  if (driver !== 'better-sqlite3') return;
  const targets = new Set<Function>(entities);
  for (const column of getMetadataArgsStorage().columns) {
    if (targets.has(column.target as Function) && column.options.type === 'timestamptz') {
      column.options.type = 'datetime';
    }
  }
}
