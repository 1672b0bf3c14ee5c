import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../http/problem';
import { defineAbilityFor } from './ability';
import { AuthenticatedRequest } from './authenticated-request';
import { CHECK_POLICIES, PolicyHandler } from './check-policies.decorator';
import { IS_PUBLIC } from './public.decorator';

/** Runs after AuthGuard: builds the CASL ability from the principal's role and checks the route's policies. */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const policies = this.reflector.getAllAndOverride<PolicyHandler[] | undefined>(CHECK_POLICIES, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (policies === undefined) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no @CheckPolicies`);
    if (request.principal === undefined) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'A bearer access token is required');
    const ability = defineAbilityFor(request.principal.role, request.principal.userId ?? String(request.principal.actor.id));
    request.ability = ability;
    if (!policies.every((policy) => policy(ability))) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Your role does not allow this');
    return true;
  }
}
