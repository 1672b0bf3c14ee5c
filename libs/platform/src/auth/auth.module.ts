import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { AuthGuard } from './auth.guard';
import { PoliciesGuard } from './policies.guard';
import { AUTH_THROTTLER, RateLimitGuard } from './rate-limit.guard';

const MINUTE_MS = 60_000;

/**
 * Authentication, authorisation, rate limiting and Idempotency-Key every HTTP app uses. Guards run
 * in this order: authenticate, authorise, rate-limit; the idempotency interceptor runs after them,
 * when tenant and actor are known. Counters live in Redis when it is configured (shared by every
 * api replica), in memory otherwise.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'default', ttl: MINUTE_MS, limit: config.rateLimit.perMinute },
          { name: AUTH_THROTTLER, ttl: MINUTE_MS, limit: config.rateLimit.authPerMinute },
        ],
        storage: config.redisUrl ? new ThrottlerStorageRedisService(config.redisUrl, { keyPrefix: `${config.queue.prefix}:rate:` }) : undefined,
      }),
    }),
    IdempotencyModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: PoliciesGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AuthModule {}
