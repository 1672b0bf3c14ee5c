import { INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuditModule } from '@saler/audit';
import { PlatformModule } from '@saler/platform';
import { uniqueName } from './services';
import { TestDatabase } from './test-database';

export interface TestAppOptions {
  modules?: Type[];
  consumeQueues?: boolean;
  env?: Record<string, string>;
}

/** The platform plus the given modules, in-process, on a test database (handler-level suites). */
export async function createTestApp(db: TestDatabase, options: TestAppOptions = {}): Promise<INestApplicationContext> {
  const config = db.config({ QUEUE_PREFIX: uniqueName('t'), ...options.env });
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformModule.forRoot({ config, schema: db.schema, consumeQueues: options.consumeQueues ?? false }), AuditModule, ...(options.modules ?? [])],
  }).compile();
  moduleRef.useLogger(false);
  return moduleRef.init();
}
