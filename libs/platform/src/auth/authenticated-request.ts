import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TenantContext } from '../context/tenant-context';
import type { AppAbility } from './ability';

export interface Principal {
  userId: string;
  tenantId: string;
  role: string;
  sessionId: string;
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
  return { tenantId: request.principal.tenantId, actor: { type: 'user', id: request.principal.userId }, requestId: String(request.id) };
});
