import { Client } from 'pg';
import { POSTGRES_ADMIN_URL, postgresUrl, uniqueName } from '../support/services';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { freePort, startProcess } from '../support/processes';

jest.setTimeout(60_000);

async function exitOf(env: Record<string, string>) {
  const proc = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { HOST: '127.0.0.1', PORT: String(await freePort()), ...env } });
  const code = await proc.exited;
  return { code, output: proc.output().trim() };
}

/** A process that must not run says why in one line and exits 1. */
describe('the api refuses to start, in one clear line', () => {
  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be an integer between 1 and 65535 \(got "abc"\)$/],
    [{ DATABASE_URL: 'mysql://root@127.0.0.1/saler' }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ NODE_ENV: 'production', JWT_SECRET: 'short' }, /^Invalid configuration: JWT_SECRET must be at least 32 bytes in production/],
    [{ REDIS_URL: 'localhost:6379' }, /^Invalid configuration: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
  ])('on %j', async (env, message) => {
    const { code, output } = await exitOf(env as Record<string, string>);
    expect(code).toBe(1);
    expect(output).toMatch(message);
    expect(output.split('\n')).toHaveLength(1);
  });

  describe('on PostgreSQL', () => {
    let db: TestDatabase;
    let empty: string;

    beforeAll(async () => {
      db = await createTestDatabase('postgres');
      empty = uniqueName('saler_test_empty');
      const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${empty}"`);
      await admin.end();
    });

    afterAll(async () => {
      await db?.drop();
      const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${empty}" WITH (FORCE)`);
      await admin.end();
    });

    it('when migrations are pending (it never runs them itself)', async () => {
      const { code, output } = await exitOf({ DATABASE_URL: postgresUrl(empty, 'saler_app') });
      expect(code).toBe(1);
      expect(output).toMatch(/pending migrations: run `npm run migration:run`/);
    });

    it('when DATABASE_URL logs in as a role that bypasses RLS', async () => {
      const { code, output } = await exitOf({ DATABASE_URL: db.adminUrl as string });
      expect(code).toBe(1);
      expect(output).toMatch(/bypasses row-level security; log in as the application role \(saler_app\)/);
    });

    it('when the system login (DATABASE_SYSTEM_URL, by default DATABASE_URL) of a process that runs jobs cannot take the system role', async () => {
      const { code, output } = await exitOf({ DATABASE_URL: db.env.DATABASE_URL });
      expect(code).toBe(1);
      expect(output).toMatch(/^DATABASE_SYSTEM_URL logs in as "saler_app", which cannot take the role "saler_system"/m);
    });

    it('when the database cannot be reached', async () => {
      const { code, output } = await exitOf({ DATABASE_URL: `postgres://saler_app@127.0.0.1:${await freePort()}/nowhere` });
      expect(code).toBe(1);
      expect(output).toMatch(/^Cannot connect to the application database: /);
    });
  });
});
