import { CanActivate, ExecutionContext, HttpStatus, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import { RequestContextStore } from '../context/request-context';
import { ProblemException } from '../http/problem';
import { AccessTokenService, InvalidAccessToken } from './access-token.service';
import { API_KEY_PREFIX, ApiKeyAuthenticator } from './api-key-authenticator';
import { AuthenticatedRequest, Principal } from './authenticated-request';
import { PLATFORM_ADMIN_ONLY } from './platform-admin';
import { IS_PUBLIC } from './public.decorator';
import { TenantGate } from './tenant-gate';

const unauthenticated = (detail: string) => new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', detail);

/**
 * Global guard: every route needs a valid credential unless it is @Public(): a bearer access
 * token, or an API key (`Authorization: Bearer slr_…` or `X-Api-Key`). The principal goes on the
 * request and into the CLS context, so every log line carries tenant and actor.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly cls: ClsService<RequestContextStore>,
    @Optional() private readonly gate?: TenantGate,
    @Optional() private readonly apiKeys?: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const apiKey = request.headers['x-api-key'];
    const credential = bearer ?? (typeof apiKey === 'string' ? apiKey.trim() : undefined);
    if (!credential) throw unauthenticated('A bearer access token or an API key is required');
    const principal = credential.startsWith(API_KEY_PREFIX) ? await this.fromApiKey(credential) : this.fromAccessToken(credential);
    request.principal = principal;
    this.cls.set('tenantId', principal.tenantId);
    this.cls.set('actor', principal.actor);
    this.cls.set('role', principal.role);
    // Platform-admin routes act across tenants; the caller's own tenant need not be open.
    if (!this.reflector.getAllAndOverride<boolean>(PLATFORM_ADMIN_ONLY, [context.getHandler(), context.getClass()])) await this.gate?.assertOpen(principal.tenantId);
    return true;
  }

  private fromAccessToken(token: string): Principal {
    try {
      const claims = this.tokens.verify(token);
      return { tenantId: claims.tid, role: claims.role, actor: { type: 'user', id: claims.sub }, userId: claims.sub, sessionId: claims.sid };
    } catch (error) {
      if (error instanceof InvalidAccessToken) throw unauthenticated('The access token is invalid or expired');
      throw error;
    }
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const principal = await this.apiKeys?.authenticate(key);
    if (!principal) throw unauthenticated('The API key is invalid, expired or revoked');
    return principal;
  }
}
