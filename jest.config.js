/**
 * `npm test` runs every project: unit tests beside the code, handler-level integration suites on
 * PostgreSQL (as saler_app) and again on SQLite, the Redis-backed queue suite, and black-box e2e
 * suites that start the real api and worker processes. Each needs the real services (global-setup).
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json', diagnostics: false }] };
const moduleNameMapper = {
  '^@saler/schema$': '<rootDir>/schema.ts',
  '^@saler/platform$': '<rootDir>/libs/platform/src',
  '^@saler/identity$': '<rootDir>/libs/identity/src',
  '^@saler/audit$': '<rootDir>/libs/audit/src',
  '^@saler/crm$': '<rootDir>/libs/crm/src',
  '^@saler/catalog$': '<rootDir>/libs/catalog/src',
  '^@saler/knowledge$': '<rootDir>/libs/knowledge/src',
  '^@saler/conversations$': '<rootDir>/libs/conversations/src',
  '^@saler/platform/(.*)$': '<rootDir>/libs/platform/src/$1',
};
const base = { transform, moduleNameMapper, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'], rootDir: __dirname };

module.exports = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  maxWorkers: 2,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration:postgres',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      setupFiles: ['<rootDir>/test/setup/postgres.ts'],
    },
    {
      ...base,
      displayName: 'integration:sqlite',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['\\.pg\\.int-spec\\.ts$'],
      setupFiles: ['<rootDir>/test/setup/sqlite.ts'],
    },
    { ...base, displayName: 'integration:redis', testMatch: ['<rootDir>/test/integration/**/*.redis-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
