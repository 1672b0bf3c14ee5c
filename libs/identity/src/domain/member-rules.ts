import { HttpStatus } from '@nestjs/common';
import { ProblemException, TenantTx } from '@saler/platform';
import { Membership } from './membership.entity';
import { Role, roleRank } from './role';

/** Nobody grants a role above their own. */
export function assertMayGrant(actorRole: Role, role: Role): void {
  if (roleRank(role) > roleRank(actorRole)) throw new ProblemException(HttpStatus.FORBIDDEN, 'role-too-high', `A ${actorRole} cannot grant the ${role} role`);
}

/** Nobody changes or removes a member whose role is above their own. */
export function assertMayManage(actorRole: Role, target: Membership): void {
  if (roleRank(target.role) > roleRank(actorRole)) throw new ProblemException(HttpStatus.FORBIDDEN, 'role-too-high', `A ${actorRole} cannot change a ${target.role}`);
}

/**
 * Refuses a change that would leave the tenant without an active owner. On PostgreSQL the owner
 * rows are locked first, so two concurrent demotions cannot both see "another owner remains".
 */
export async function assertAnotherOwnerRemains(tx: TenantTx, leaving: Membership): Promise<void> {
  if (leaving.role !== 'owner' || leaving.status !== 'active') return;
  const lock = tx.isPostgres ? ' FOR UPDATE' : '';
  const owners: unknown[] = await tx.manager.query(
    `SELECT id FROM memberships WHERE tenant_id = ${tx.isPostgres ? '$1' : '?'} AND role = 'owner' AND status = 'active'${lock}`,
    [tx.tenantId],
  );
  if (owners.length <= 1) throw new ProblemException(HttpStatus.CONFLICT, 'last-owner', 'The last owner cannot be demoted, disabled or removed');
}

export function memberNotFound(): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'No such member in this tenant');
}
