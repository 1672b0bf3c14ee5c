import IORedis from 'ioredis';
import { Client } from 'pg';
import { POSTGRES_ADMIN_URL, REDIS_URL } from './support/services';

/** Tests run against real PostgreSQL and Redis. If either is not answering, the run fails here, loudly. */
export default async function globalSetup(): Promise<void> {
  const pg = new Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL is not answering at ${POSTGRES_ADMIN_URL}: ${(error as Error).message}`);
  } finally {
    await pg.end().catch(() => undefined);
  }
  const redis = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is not answering at ${REDIS_URL}: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}
