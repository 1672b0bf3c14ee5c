import { Module } from '@nestjs/common';
import { PurgeExpiredIdempotencyKeysHandler } from './commands/purge-expired-idempotency-keys/purge-expired-idempotency-keys.handler';
import { IdempotencyPurgeProcessor } from './idempotency-purge.processor';
import { IdempotencyStore } from './idempotency-store';

/**
 * The idempotency_keys store and its hourly purge (idle unless this process consumes queues).
 * The HTTP side, IdempotencyInterceptor, is registered by AuthModule, which only HTTP apps import.
 */
@Module({
  providers: [IdempotencyStore, IdempotencyPurgeProcessor, PurgeExpiredIdempotencyKeysHandler],
  exports: [IdempotencyStore],
})
export class IdempotencyModule {}
