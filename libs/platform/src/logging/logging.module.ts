import { Module, RequestMethod } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
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
        // Every route, in the named-wildcard syntax of Nest 11's path-to-regexp (nestjs-pino's default '*' logs a warning at each start).
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.log.level,
          transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } } : undefined,
          redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
          genReqId: (req: IncomingMessage) => req.id ?? '',
          quietReqLogger: true,
          mixin: () => {
            if (!cls.isActive()) return {};
            const { requestId, tenantId, actor } = cls.get();
            return { requestId, tenantId, actor };
          },
          serializers: {
            req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customLogLevel: (_req: IncomingMessage, res: { statusCode: number }, error?: Error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          autoLogging: {
            ignore: (req: IncomingMessage & { originalUrl?: string }) => {
              const url = req.originalUrl ?? req.url ?? '';
              return url === '/metrics' || url.startsWith('/health/');
            },
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
