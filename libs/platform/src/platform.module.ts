import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ClsModule, ClsService } from 'nestjs-cls';
import type { IncomingMessage } from 'node:http';
import { TokensModule } from './auth/tokens.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CryptoModule } from './crypto/crypto.module';
import { SchemaManifest } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueueModule } from './queue/queue.module';
import { TenancyModule } from './tenancy/tenant-provisioning';

export interface PlatformOptions {
  config: AppConfig;
  schema: SchemaManifest;
  /** Whether this process runs job processors and the outbox relay. */
  consumeQueues: boolean;
}

/** What every Saler process stands on: config, CLS, logs, databases, queues, outbox, idempotency keys, metrics, health, CQRS buses. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(options.config),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            // Saler has no CLS proxy providers: resolving them would import a module on every request.
            resolveProxyProviders: false,
            setup: (cls: ClsService, req: IncomingMessage & { ip?: string }) => {
              cls.set('requestId', String(req.id ?? ''));
              cls.set('ip', req.ip ?? req.socket?.remoteAddress);
              cls.set('userAgent', req.headers['user-agent']?.slice(0, 400));
            },
          },
        }),
        LoggingModule,
        CryptoModule,
        CqrsModule.forRoot(),
        DatabaseModule.forRoot(options.schema, options.consumeQueues),
        QueueModule.forRoot({ consume: options.consumeQueues }),
        MetricsModule,
        OutboxModule,
        IdempotencyModule,
        HealthModule,
        TokensModule,
        TenancyModule,
      ],
      exports: [CqrsModule],
    };
  }
}
