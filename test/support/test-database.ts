import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, DatabaseDriver, dataSourceOptions, loadConfig, SchemaManifest } from '@saler/platform';
import { POSTGRES_ADMIN_URL, postgresUrl, uniqueName } from './services';
import { testSchema } from './test-schema';

const MIGRATION_LOCK = 7_242_001;

async function migrateSerially(migrate: () => Promise<unknown>): Promise<void> {
  await admin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}

/** The driver a suite runs on: each jest project sets TEST_DB_DRIVER. */
export function currentDriver(): DatabaseDriver {
  return process.env.TEST_DB_DRIVER === 'sqlite' ? 'better-sqlite3' : 'postgres';
}

export interface TestDatabase {
  driver: DatabaseDriver;
  /** The environment a Saler process needs to use this database (as saler_app on PostgreSQL). */
  env: Record<string, string>;
  schema: SchemaManifest;
  /** Owner/admin URL (PostgreSQL only). */
  adminUrl?: string;
  config(extra?: Record<string, string>): AppConfig;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, migrated as the owner. On PostgreSQL the returned env logs
 * the application in as saler_app (no BYPASSRLS), exactly as production does.
 */
export async function createTestDatabase(driver: DatabaseDriver = currentDriver()): Promise<TestDatabase> {
  const schema = testSchema(driver);
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let adminUrl: string | undefined;
  if (driver === 'postgres') {
    const name = uniqueName('saler_test');
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    adminUrl = postgresUrl(name);
    env = { DATABASE_URL: postgresUrl(name, 'saler_app'), DATABASE_MIGRATION_URL: adminUrl, DATABASE_SYSTEM_URL: adminUrl };
    drop = () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'saler-test-'));
    env = { SQLITE_PATH: join(dir, 'saler.sqlite') };
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = (extra: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env, ...extra });
  const owner = new DataSource(dataSourceOptions(config().database, 'migration', schema));
  await owner.initialize();
  try {
    // Test files migrate their databases in parallel; roles are cluster-wide, so serialise.
    if (driver === 'postgres') await migrateSerially(() => owner.runMigrations({ transaction: 'each' }));
    else await owner.runMigrations({ transaction: 'each' });
  } finally {
    await owner.destroy();
  }
  return { driver, env, schema, adminUrl, config, drop };
}
