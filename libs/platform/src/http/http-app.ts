import multipart from '@fastify/multipart';
import { Logger, RequestMethod, VersioningType } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { getToken } from '@willsoto/nestjs-prometheus';
import helmet, { HelmetOptions } from 'helmet';
import { PinoLogger } from 'nestjs-pino';
import type { Histogram } from 'prom-client';
import type { FastifyReply } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { AppConfig } from '../config/app-config';
import { UPLOAD_MAX_BYTES } from '../jobs/upload-store';
import { requestIdFrom } from '../context/request-id';
import { METRICS } from '../metrics/metric-names';
import { API_DEFAULT_VERSION, API_PREFIX } from './api-path';
import { setupOpenApi } from './openapi';
import { ROUTE_CORS_POLICY, RouteCorsPolicy } from './route-cors';
import { ProblemFilter, sendProblem } from './problem.filter';
import { createValidationPipe } from './validation';

/** Fastify with Saler's limits; the request id comes from a valid X-Request-Id or is generated. */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.http.bodyLimit,
    trustProxy: true,
    // Nest installs its own error handler first; Saler's (problem+json) replaces it on purpose.
    allowErrorHandlerOverride: true,
    requestIdHeader: false,
    genReqId: (raw: IncomingMessage) => {
      const id = requestIdFrom(raw.headers['x-request-id']);
      // pino-http and nestjs-cls see the raw request; they read the id from here.
      raw.id = id;
      return id;
    },
  });
}

/** Everything an HTTP app of Saler has, whatever modules it composes. Call before `listen`. */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const logger = new Logger('HTTP');
  const duration = app.get<Histogram<'method' | 'route' | 'status_code'>>(getToken(METRICS.HTTP_DURATION));
  const accessLog = await app.resolve(PinoLogger);

  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    logCompleted(accessLog, request, reply);
  });
  fastify.setErrorHandler((error, request, reply) => sendProblem(error, request, reply, logger));

  const secureHeaders = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(secureHeaders);
    done();
  });
  // Uploads (CSV imports) stream through request.file(); one file, small fields, 50 MiB at most.
  await app.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024 } });
  const exposedHeaders = ['X-Request-Id', 'ETag', 'Location', 'Deprecation', 'Sunset', 'Link', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After', 'Idempotent-Replayed'];
  const configured = config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false;
  const routeCors = optionalProvider<RouteCorsPolicy>(app, ROUTE_CORS_POLICY);
  const originsFor = async (url: string) => (routeCors === undefined ? undefined : routeCors.originsFor(url));
  // Without an Origin header a request is no browser's cross-origin request: it gets no CORS
  // headers (only `Vary: Origin`), at once, and the route's origins are not looked up.
  const notCrossOrigin = { origin: false };
  app.enableCors({
    delegator: (request: { url?: string; headers: IncomingHttpHeaders }, callback: (error: Error | null, options?: object) => void) => {
      if (request.headers.origin === undefined) return callback(null, notCrossOrigin);
      originsFor(request.url ?? '').then(
        (routeOrigins) => callback(null, { origin: routeOrigins ?? configured, exposedHeaders }),
        (error: Error) => callback(error),
      );
    },
  } as never);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: API_DEFAULT_VERSION });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  if (config.http.swagger) setupOpenApi(app);
}

/**
 * One access line per request, with its id and, once authenticated, its tenant and actor. No
 * per-request child logger is built, so a request pays for its line only when the level lets it
 * through. 5xx at error, 4xx at warn, the rest at info; `/metrics` and `/health/*` are not logged.
 */
function logCompleted(accessLog: PinoLogger, request: AuthenticatedRequest, reply: FastifyReply): void {
  const url = request.url;
  if (url === '/metrics' || url.startsWith('/health/')) return;
  const statusCode = reply.statusCode;
  const level = statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
  if (!accessLog.logger.isLevelEnabled(level)) return;
  accessLog[level](
    { requestId: request.id, tenantId: request.principal?.tenantId, actor: request.principal?.actor, req: { id: request.id, method: request.method, url, remoteAddress: request.ip }, res: { statusCode }, responseTime: Math.round(reply.elapsedTime) },
    'request completed',
  );
}

/**
 * The headers helmet sets, read once by running it against a recorder: with static options (no
 * per-request nonce) they are the same on every answer, so each request copies one object instead
 * of running helmet's thirteen middlewares (@fastify/helmet even rebuilt them per request).
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}

function optionalProvider<T>(app: NestFastifyApplication, token: symbol): T | undefined {
  try {
    return app.get<T>(token, { strict: false });
  } catch {
    return undefined;
  }
}
