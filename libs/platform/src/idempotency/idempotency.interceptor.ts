import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { concatMap, catchError, Observable, of } from 'rxjs';
import { AuthenticatedRequest } from '../auth/authenticated-request';
import { TenantContext } from '../context/tenant-context';
import { ProblemException, ValidationProblem } from '../http/problem';
import { toProblem } from '../http/to-problem';
import { IdempotencyStore } from './idempotency-store';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, isValidIdempotencyKey, requestFingerprint } from './request-fingerprint';

/**
 * Idempotency-Key on POST (IETF draft "The Idempotency-Key HTTP Header Field"). Runs after the
 * guards, so the tenant and actor are known; public routes have no tenant to scope a key to and
 * ignore it. The first request with a key runs and its response (2xx or 4xx) is stored; a retry of
 * the same request gets that response again with `Idempotent-Replayed: true`, and the handler
 * does not run. A 5xx or an unexpected error frees the key, so the client can retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    const principal = request.principal;
    if (request.method !== 'POST' || key === undefined || principal === undefined) return next.handle();
    if (!isValidIdempotencyKey(key)) throw new ValidationProblem([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 printable ASCII characters' }]);

    const path = request.url.split('?')[0];
    const tenantContext: TenantContext = { tenantId: principal.tenantId, actor: principal.actor, requestId: String(request.id) };
    const claim = await this.store.claim({
      context: tenantContext,
      actorKey: `${principal.actor.type}:${principal.actor.id}`,
      key,
      // A multipart body is a stream for the handler: the fingerprint reads only its headers.
      requestHash: requestFingerprint({ method: request.method, path, contentType: request.headers['content-type'], contentLength: request.headers['content-length'], body: request.body }),
    });
    if (claim.kind === 'replay') {
      void context.switchToHttp().getResponse<FastifyReply>().header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      // A stored problem leaves through the problem filter; its stored members override the fresh
      // ones (request id included), so the client gets the first body unchanged.
      if (claim.status >= 400) throw new ProblemException(claim.status, 'replayed', '', claim.body as Record<string, unknown>);
      // A 2xx: Nest answers with the route's own status, which is the one stored.
      return of(claim.body ?? undefined);
    }

    const successStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return next.handle().pipe(
      // Only the handler's (and its pipes') errors: a failure to store the response must not free the key.
      catchError(async (error: unknown) => {
        const problem = toProblem(error, path, tenantContext.requestId);
        if (problem.status >= 500) await this.store.release(tenantContext, claim.id);
        else await this.store.complete(tenantContext, claim.id, problem.status, problem.body);
        throw error;
      }),
      concatMap(async (body: unknown) => {
        await this.store.complete(tenantContext, claim.id, successStatus, body);
        return body;
      }),
    );
  }
}
