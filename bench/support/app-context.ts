import { INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuditModule } from '@saler/audit';
import { PlatformModule } from '@saler/platform';
import { Stack } from './stack';

/**
 * The platform, audit and `modules` in the benchmark's own process, on the stack's database as saler_app
 * with the api's configuration (so RLS applies as in the api); nothing consumes the queues. Its buses time
 * handlers without HTTP, auth or JSON. Close it before the stack stops.
 */
export async function startAppContext(stack: Stack, modules: Type[]): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformModule.forRoot({ config: stack.config, schema: stack.schema, consumeQueues: false }), AuditModule, ...modules],
  }).compile();
  moduleRef.useLogger(false);
  return moduleRef.init();
}
