import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions, MixedList } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { adaptColumnTypes } from './portable-columns';

/**
 * Which login a DataSource uses on PostgreSQL:
 * - `app`: the api and worker (saler_app: no BYPASSRLS, DML only);
 * - `migration`: the schema owner, for migrations only;
 * - `system`: cross-tenant system work (outbox relay, schedulers, CLI statistics), which switches
 *   to the BYPASSRLS `saler_system` role inside each of its transactions.
 * SQLite has one file and no roles, so all three are the same.
 */
export type ConnectionPurpose = 'app' | 'migration' | 'system';

export interface SchemaManifest {
  entities: Function[];
  migrations: MixedList<Function>;
}

export function dataSourceOptions(database: DatabaseConfig, purpose: ConnectionPurpose, schema: SchemaManifest): DataSourceOptions {
  adaptColumnTypes(database.driver, schema.entities);
  const common = {
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (database.driver === 'better-sqlite3') {
    mkdirSync(dirname(database.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      enableWAL: true,
      timeout: 5000,
      prepareDatabase: (db: { pragma(statement: string): unknown }) => {
        db.pragma('foreign_keys = ON');
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  const url = { app: database.url, migration: database.migrationUrl, system: database.systemUrl }[purpose];
  return {
    ...common,
    type: 'postgres',
    url,
    applicationName: `saler-${purpose}`,
    poolSize: purpose === 'app' ? database.poolSize : Math.max(2, Math.ceil(database.poolSize / 4)),
    extra: { connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
  };
}
