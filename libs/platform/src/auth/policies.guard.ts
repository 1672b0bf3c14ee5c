import { CanActivate, ExecutionContext, HttpStatus, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../http/problem';
import { defineAbilityFor } from './ability';
import { AuthenticatedRequest } from './authenticated-request';
import { CHECK_POLICIES, PolicyHandler } from './check-policies.decorator';
import { PLATFORM_ADMIN_ONLY, PlatformAdminDirectory } from './platform-admin';
import { IS_PUBLIC } from './public.decorator';

const forbidden = (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', detail);

/**
 * Runs after AuthGuard. Platform-admin routes need a user who is a platform admin now; every other
 * non-public route needs its @CheckPolicies to pass against the CASL ability of the caller's role.
 */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() private readonly platformAdmins?: PlatformAdminDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (principal === undefined) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'A bearer access token is required');
    if (this.reflector.getAllAndOverride<boolean>(PLATFORM_ADMIN_ONLY, targets)) {
      if (principal.userId === null || !(await this.platformAdmins?.isPlatformAdmin(principal.userId))) throw forbidden('Platform administrators only');
      return true;
    }
    const policies = this.reflector.getAllAndOverride<PolicyHandler[] | undefined>(CHECK_POLICIES, targets);
    if (policies === undefined) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no @CheckPolicies`);
    const ability = defineAbilityFor(principal.role, principal.userId ?? String(principal.actor.id));
    request.ability = ability;
    if (!policies.every((policy) => policy(ability))) throw forbidden('Your role does not allow this');
    return true;
  }
}
