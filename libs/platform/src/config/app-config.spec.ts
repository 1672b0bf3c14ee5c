import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to embedded SQLite and the inline queue', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ driver: 'better-sqlite3', path: expect.stringMatching(/data\/saler\.sqlite$/) });
    expect(config.queue.driver).toBe('inline');
    expect(config.http.port).toBe(3000);
    expect(config.http.bodyLimit).toBe(1_048_576);
  });

  it('selects PostgreSQL from DATABASE_URL; migration and system URLs default to it', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://saler_app@db/saler', REDIS_URL: 'redis://cache:6379' });
    expect(config.database).toMatchObject({
      driver: 'postgres',
      url: 'postgres://saler_app@db/saler',
      migrationUrl: 'postgres://saler_app@db/saler',
      systemUrl: 'postgres://saler_app@db/saler',
      appRole: 'saler_app',
      systemRole: 'saler_system',
    });
    expect(config.queue).toMatchObject({ driver: 'bullmq', redisUrl: 'redis://cache:6379' });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.driver).toBe('better-sqlite3');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://root@db/saler' }, 'DATABASE_URL', /postgres:\/\//],
    [{ PORT: 'abc' }, 'PORT', /integer between 1 and 65535.*"abc"/],
    [{ PORT: '70000' }, 'PORT', /integer between 1 and 65535/],
    [{ NODE_ENV: 'production', JWT_SECRET: 'too-short' }, 'JWT_SECRET', /at least 32 bytes in production/],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET', /at least 32 bytes in production/],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL', /redis:\/\//],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /.+/],
    [{ DATABASE_APP_ROLE: 'Robert"); DROP' }, 'DATABASE_APP_ROLE', /role name/],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, 'ENCRYPTION_KEY', /required in production/],
    [{ ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }, 'ENCRYPTION_KEY', /32 bytes, base64/],
    [{ ENCRYPTION_PREVIOUS_KEYS: 'old:short' }, 'ENCRYPTION_PREVIOUS_KEYS', /keyId:base64key/],
    [{ TELEGRAM_API_URL: 'ftp://x' }, 'TELEGRAM_API_URL', /http/],
  ])('rejects %j naming %s', (env, variable, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('accepts a 32-byte secret in production and keeps it as bytes', () => {
    const secret = 'x'.repeat(32);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(config.auth.jwtSecret.equals(Buffer.from(secret))).toBe(true);
  });

  it('takes the encryption key with its id, keeps previous keys for rotation, and falls back to the dev key outside production', () => {
    const current = Buffer.alloc(32, 1);
    const old = Buffer.alloc(32, 2);
    const config = loadConfig({ ENCRYPTION_KEY: current.toString('base64'), ENCRYPTION_KEY_ID: 'k2', ENCRYPTION_PREVIOUS_KEYS: `k1:${old.toString('base64')}` });
    expect(config.encryption.keyId).toBe('k2');
    expect(config.encryption.key.equals(current)).toBe(true);
    expect(config.encryption.previous.k1.equals(old)).toBe(true);
    expect(loadConfig({}).encryption.keyId).toBe('dev');
  });

  it('splits CORS_ORIGINS', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example,' }).http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
