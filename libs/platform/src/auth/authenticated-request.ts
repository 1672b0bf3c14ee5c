import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Actor, TenantContext } from '../context/tenant-context';
import { ProblemException } from '../http/problem';
import type { AppAbility } from './ability';

/** Who is calling: a signed-in user (userId, sessionId) or an API key (actor api_key, no user). */
export interface Principal {
  tenantId: string;
  role: string;
  actor: Actor;
  userId: string | null;
  sessionId: string | null;
}

/** The user behind the request; API keys have none (403). */
export function requireUser(principal: Principal): string {
  if (principal.userId === null) throw new ProblemException(HttpStatus.FORBIDDEN, 'user-required', 'This route needs a signed-in user, not an API key');
  return principal.userId;
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal; ability?: AppAbility };

/** The authenticated principal of the request (set by AuthGuard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal === undefined) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

/** The TenantContext a controller hands to its command or query: tenant, actor and request id. */
export const CurrentContext = createParamDecorator((_data: unknown, context: ExecutionContext): TenantContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (request.principal === undefined) throw new Error('CurrentContext used on a public route');
  return { tenantId: request.principal.tenantId, actor: request.principal.actor, requestId: String(request.id) };
});

/** The CASL ability of the caller (set by PoliciesGuard), for ownership checks and field masking. */
export const CurrentAbility = createParamDecorator((_data: unknown, context: ExecutionContext): AppAbility => {
  const ability = context.switchToHttp().getRequest<AuthenticatedRequest>().ability;
  if (ability === undefined) throw new Error('CurrentAbility used on a route without @CheckPolicies');
  return ability;
});
