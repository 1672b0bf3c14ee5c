import { CanActivate, ExecutionContext, HttpStatus, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import { RequestContextStore } from '../context/request-context';
import { ProblemException } from '../http/problem';
import { AccessTokenService, InvalidAccessToken } from './access-token.service';
import { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';
import { TenantGate } from './tenant-gate';

/**
 * Global guard: every route needs a valid bearer access token unless it is @Public(). The
 * principal goes on the request and into the CLS context, so every log line carries tenant and actor.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly cls: ClsService<RequestContextStore>,
    @Optional() private readonly gate?: TenantGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'A bearer access token is required');
    let claims;
    try {
      claims = this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessToken) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'The access token is invalid or expired');
      throw error;
    }
    request.principal = { userId: claims.sub, tenantId: claims.tid, role: claims.role, sessionId: claims.sid };
    this.cls.set('tenantId', claims.tid);
    this.cls.set('actor', { type: 'user', id: claims.sub });
    this.cls.set('role', claims.role);
    await this.gate?.assertOpen(claims.tid);
    return true;
  }
}
