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
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).auth.jwtSecret.equals(Buffer.from(secret))).toBe(true);
  });

  it('splits CORS_ORIGINS', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example,' }).http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
