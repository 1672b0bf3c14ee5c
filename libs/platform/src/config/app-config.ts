import { createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Env, envSchema } from './config.schema';

export type DatabaseDriver = 'postgres' | 'better-sqlite3';

export interface PostgresConfig {
  driver: 'postgres';
  url: string;
  migrationUrl: string;
  systemUrl: string;
  appRole: string;
  systemRole: string;
  poolSize: number;
}

export interface SqliteConfig {
  driver: 'better-sqlite3';
  path: string;
}

export type DatabaseConfig = PostgresConfig | SqliteConfig;

/** Typed, validated configuration. Built once at start from the environment (and `.env`). */
export interface AppConfig {
  env: Env['NODE_ENV'];
  http: { host: string; port: number; bodyLimit: number; corsOrigins: string[]; swagger: boolean };
  log: { level: Env['LOG_LEVEL']; pretty: boolean };
  database: DatabaseConfig;
  /** `concurrency` per queue, but the conversations queue's, `conversationsConcurrency` (its bot turns are batched per tenant: the more at once, the larger the batches). */
  queue: ({ driver: 'bullmq'; redisUrl: string } | { driver: 'inline' }) & { prefix: string; concurrency: number; conversationsConcurrency: number };
  redisUrl?: string;
  worker: { metricsPort: number; shutdownTimeoutMs: number };
  outbox: { pollIntervalMs: number; batchSize: number; retentionHours: number };
  auth: { jwtSecret: Buffer };
  rateLimit: { perMinute: number; authPerMinute: number };
  /** Embedded mode only: seed a demo tenant into an empty database at api start. */
  demoTenant: boolean;
  /** Seals channel credentials and API keys at rest (AES-256-GCM); `previous` keys still open older envelopes. */
  encryption: { keyId: string; key: Buffer; previous: Record<string, Buffer> };
  /** Where the platforms reach this api (webhook URLs shown on channels). */
  publicBaseUrl: string;
  /** The chat platforms' send APIs (tests point them at a local stub). */
  platforms: { telegramApiUrl: string; graphApiUrl: string; lineApiUrl: string; timeoutMs: number };
  delivery: { attempts: number; backoffMs: number };
  /** allowPrivateNetwork: whether a tenant's LLM baseUrl may reach loopback, private and other non-public addresses. */
  llm: { timeoutMs: number; allowPrivateNetwork: boolean };
  conversations: { summaryIdleMs: number };
}

/** Outside production, without ENCRYPTION_KEY: a fixed, publicly known development key (key id `dev`), so local data survives restarts. */
const DEVELOPMENT_KEY = createHash('sha256').update('saler development key, not secret').digest();

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(emptyAsUndefined(source));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const got = source[variable];
    throw new ConfigError(variable, `${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`);
  }
  return toAppConfig(parsed.data);
}

function emptyAsUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value === '' ? undefined : value]));
}

function toAppConfig(env: Env): AppConfig {
  const database: DatabaseConfig = env.DATABASE_URL
    ? {
        driver: 'postgres',
        url: env.DATABASE_URL,
        migrationUrl: env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL,
        systemUrl: env.DATABASE_SYSTEM_URL ?? env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL,
        appRole: env.DATABASE_APP_ROLE,
        systemRole: env.DATABASE_SYSTEM_ROLE,
        poolSize: env.DATABASE_POOL_SIZE,
      }
    : { driver: 'better-sqlite3', path: resolve(env.SQLITE_PATH) };
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      bodyLimit: env.BODY_LIMIT_BYTES,
      corsOrigins: env.CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      swagger: env.SWAGGER_ENABLED,
    },
    log: { level: env.LOG_LEVEL, pretty: env.NODE_ENV === 'development' },
    database,
    queue: env.REDIS_URL
      ? { driver: 'bullmq', redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX, concurrency: env.WORKER_CONCURRENCY, conversationsConcurrency: env.WORKER_CONVERSATIONS_CONCURRENCY }
      : { driver: 'inline', prefix: env.QUEUE_PREFIX, concurrency: env.WORKER_CONCURRENCY, conversationsConcurrency: env.WORKER_CONVERSATIONS_CONCURRENCY },
    redisUrl: env.REDIS_URL,
    worker: { metricsPort: env.WORKER_METRICS_PORT, shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS },
    outbox: { pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS, batchSize: env.OUTBOX_BATCH_SIZE, retentionHours: env.OUTBOX_RETENTION_HOURS },
    // Outside production a missing secret gets a random per-process one: tokens then do not survive a restart.
    auth: { jwtSecret: env.JWT_SECRET ? Buffer.from(env.JWT_SECRET) : randomBytes(32) },
    rateLimit: { perMinute: env.RATE_LIMIT_PER_MINUTE, authPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE },
    demoTenant: env.DEMO_TENANT && !env.DATABASE_URL,
    encryption: {
      keyId: env.ENCRYPTION_KEY ? env.ENCRYPTION_KEY_ID : 'dev',
      key: env.ENCRYPTION_KEY ? Buffer.from(env.ENCRYPTION_KEY, 'base64') : DEVELOPMENT_KEY,
      previous: {
        ...(env.ENCRYPTION_KEY ? { dev: DEVELOPMENT_KEY } : {}),
        ...Object.fromEntries(
          (env.ENCRYPTION_PREVIOUS_KEYS ?? '')
            .split(',')
            .map((pair) => pair.trim())
            .filter(Boolean)
            .map((pair) => [pair.split(':')[0], Buffer.from(pair.split(':')[1], 'base64')]),
        ),
      },
    },
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    platforms: { telegramApiUrl: env.TELEGRAM_API_URL, graphApiUrl: env.GRAPH_API_URL, lineApiUrl: env.LINE_API_URL, timeoutMs: env.OUTBOUND_TIMEOUT_MS },
    delivery: { attempts: env.DELIVERY_ATTEMPTS, backoffMs: env.DELIVERY_BACKOFF_MS },
    llm: { timeoutMs: env.LLM_TIMEOUT_MS, allowPrivateNetwork: env.LLM_ALLOW_PRIVATE_NETWORK },
    conversations: { summaryIdleMs: env.CONVERSATION_SUMMARY_IDLE_MS },
  };
}
