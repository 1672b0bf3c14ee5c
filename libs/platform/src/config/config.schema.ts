import { z } from 'zod';

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be an integer between 1 and 65535' })
    .int('must be an integer between 1 and 65535')
    .min(1, 'must be an integer between 1 and 65535')
    .max(65535, 'must be an integer between 1 and 65535')
    .default(fallback);

const positiveInt = (fallback: number) =>
  z.coerce.number({ message: 'must be a positive integer' }).int('must be a positive integer').positive('must be a positive integer').default(fallback);

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), 'must be a postgres:// or postgresql:// URL');

const roleName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL role name');

const httpUrl = z.string().refine((value) => /^https?:\/\/[^\s]+$/.test(value), 'must be an http:// or https:// URL');

const base64Key = z.string().refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, _ or -');

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Every environment variable Saler reads. The README's configuration table mirrors this. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_MIGRATION_URL: postgresUrl.optional(),
    DATABASE_SYSTEM_URL: postgresUrl.optional(),
    DATABASE_APP_ROLE: roleName.default('saler_app'),
    DATABASE_SYSTEM_ROLE: roleName.default('saler_system'),
    DATABASE_POOL_SIZE: positiveInt(10),
    SQLITE_PATH: z.string().min(1).default('./data/saler.sqlite'),
    REDIS_URL: z
      .string()
      .refine((value) => /^rediss?:\/\/[^\s]+$/.test(value), 'must be a redis:// or rediss:// URL')
      .optional(),
    QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, _ or -').default('saler'),
    WORKER_CONCURRENCY: positiveInt(8),
    WORKER_CONVERSATIONS_CONCURRENCY: positiveInt(64),
    WORKER_METRICS_PORT: port(9464),
    OUTBOX_POLL_INTERVAL_MS: positiveInt(250),
    OUTBOX_BATCH_SIZE: positiveInt(200),
    OUTBOX_RETENTION_HOURS: positiveInt(168),
    SHUTDOWN_TIMEOUT_MS: positiveInt(30000),
    JWT_SECRET: z.string().optional(),
    CORS_ORIGINS: z.string().default(''),
    BODY_LIMIT_BYTES: positiveInt(1_048_576),
    RATE_LIMIT_PER_MINUTE: positiveInt(600),
    RATE_LIMIT_AUTH_PER_MINUTE: positiveInt(20),
    SWAGGER_ENABLED: booleanFlag.default('true'),
    DEMO_TENANT: booleanFlag.default('true'),
    ENCRYPTION_KEY: base64Key.optional(),
    ENCRYPTION_KEY_ID: keyId.default('k1'),
    ENCRYPTION_PREVIOUS_KEYS: z
      .string()
      .refine(
        (value) => value.split(',').every((pair) => /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]+={0,2}$/.test(pair.trim()) && Buffer.from(pair.trim().split(':')[1], 'base64').length === 32),
        'must be a comma-separated list of keyId:base64key (32 bytes each)',
      )
      .optional(),
    PUBLIC_BASE_URL: httpUrl.optional(),
    TELEGRAM_API_URL: httpUrl.default('https://api.telegram.org'),
    GRAPH_API_URL: httpUrl.default('https://graph.facebook.com/v21.0'),
    LINE_API_URL: httpUrl.default('https://api.line.me'),
    OUTBOUND_TIMEOUT_MS: positiveInt(10000),
    DELIVERY_ATTEMPTS: positiveInt(6),
    DELIVERY_BACKOFF_MS: positiveInt(1000),
    LLM_TIMEOUT_MS: positiveInt(8000),
    LLM_ALLOW_PRIVATE_NETWORK: booleanFlag.default('false'),
    CONVERSATION_SUMMARY_IDLE_MS: positiveInt(1_800_000),
  })
  .superRefine((env, ctx) => {
    const secret = env.JWT_SECRET;
    if (env.NODE_ENV === 'production' && (secret === undefined || Buffer.byteLength(secret) < 32)) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be at least 32 bytes in production' });
    }
    if (env.NODE_ENV === 'production' && env.ENCRYPTION_KEY === undefined) {
      ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_KEY'], message: 'is required in production (32 bytes, base64)' });
    }
  });

export type Env = z.infer<typeof envSchema>;
