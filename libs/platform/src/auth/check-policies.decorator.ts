import { SetMetadata } from '@nestjs/common';
import { AppAbility } from './ability';

export type PolicyHandler = (ability: AppAbility) => boolean;

export const CHECK_POLICIES = Symbol('CHECK_POLICIES');

/**
 * Declares what the caller's ability must allow for a route. Every non-public route must declare
 * its policies: the PoliciesGuard refuses routes that do not (deny by default).
 */
export const CheckPolicies = (...handlers: PolicyHandler[]) => SetMetadata(CHECK_POLICIES, handlers);

/** For routes every signed-in member may call (their own profile, for instance). */
export const AnyMember = () => CheckPolicies(() => true);
