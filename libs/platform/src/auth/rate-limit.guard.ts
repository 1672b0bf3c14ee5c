import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerRequest } from '@nestjs/throttler';
import { AuthenticatedRequest } from './authenticated-request';

export const AUTH_THROTTLER = 'auth';
const AUTH_ROUTES = /^\/api\/v1\/(auth\/|invitations\/accept)/;

/**
 * Rate limits per API key, user, or (unauthenticated) IP, with a stricter limit on the auth
 * routes. Runs after AuthGuard so it knows the caller. Headers are RateLimit-Limit,
 * RateLimit-Remaining and RateLimit-Reset; a 429 carries Retry-After.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override headerPrefix = 'RateLimit';

  protected override async handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    const request = requestProps.context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isAuthRoute = AUTH_ROUTES.test(request.url);
    // The strict limit applies to auth routes only; the general one to everything else.
    if ((requestProps.throttler.name === AUTH_THROTTLER) !== isAuthRoute) return true;
    return super.handleRequest(requestProps);
  }

  /** One set of RateLimit-* headers, whichever limit applies (no `-auth` suffix). */
  protected override setResponseHeader(response: Record<string, unknown>, name: string, value: string | number): void {
    super.setResponseHeader(response, name.replace(new RegExp(`-${AUTH_THROTTLER}$`), ''), value);
  }

  protected override async getTracker(request: AuthenticatedRequest): Promise<string> {
    const actor = request.principal?.actor;
    return actor?.id ? `${actor.type}:${actor.id}` : `ip:${request.ip}`;
  }
}
