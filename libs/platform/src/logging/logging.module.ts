import { Module } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestContextStore } from '../context/request-context';

/** Paths pino replaces with [REDACTED]: credentials in headers and secrets in logged objects. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...['password', 'token', 'accessToken', 'refreshToken', 'secret', 'apiKey', 'key', 'credentials', 'authorization'].flatMap((field) => [
    field,
    `*.${field}`,
    `*.*.${field}`,
  ]),
];


/**
 * JSON logs (pretty only when NODE_ENV=development). Every line carries requestId, tenantId and
 * actor from the CLS context of the request or job that logged it.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG, ClsService],
      useFactory: (config: AppConfig, cls: ClsService<RequestContextStore>) => ({
        // No per-request middleware: pino-http would build two child loggers, redacted, for every
        // request. The request's fields come from the CLS mixin; its access line is written by the
        // HTTP app's onResponse hook (configureHttpApp).
        forRoutes: [],
        pinoHttp: {
          level: config.log.level,
          transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } } : undefined,
          redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
          mixin: () => {
            if (!cls.isActive()) return {};
            const { requestId, tenantId, actor } = cls.get();
            return { requestId, tenantId, actor };
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
