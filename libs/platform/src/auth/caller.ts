import type { TenantTx } from '../database/unit-of-work';
import { AppAbility, defineAbilityFor } from './ability';
import type { Principal } from './authenticated-request';

/** Who asks for a command, as far as ownership rules go: agents change only what is theirs (or unassigned). */
export interface Caller {
  role: string;
  userId: string | null;
}

export const callerOf = (principal: Principal): Caller => ({ role: principal.role, userId: principal.userId });

export function abilityOf(tx: TenantTx, caller: Caller): AppAbility {
  return defineAbilityFor(caller.role, caller.userId ?? String(tx.context.actor.id));
}
