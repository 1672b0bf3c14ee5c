import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProblemException, UnitOfWork } from '@saler/platform';
import { membershipsOf } from '../../domain/membership-directory';
import { SessionIssuer } from '../../domain/session-issuer';
import { User } from '../../domain/user.entity';
import { SessionResponse } from '../session.response';
import { SwitchTenantCommand } from './switch-tenant.command';

@CommandHandler(SwitchTenantCommand)
export class SwitchTenantHandler implements ICommandHandler<SwitchTenantCommand, SessionResponse> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: SwitchTenantCommand): Promise<SessionResponse> {
    const { user, membership } = await this.unitOfWork.runGlobal(async (tx) => {
      const found = await tx.global(User).findOne({ where: { id: command.userId } });
      const memberships = found ? await membershipsOf(tx, found.id) : [];
      return { user: found, membership: memberships.find((m) => m.tenantId === command.tenantId && m.status === 'active' && m.tenantStatus === 'active') };
    });
    if (user === null || membership === undefined) throw new ProblemException(HttpStatus.FORBIDDEN, 'no-membership', 'You have no active membership in this tenant');
    return this.unitOfWork.run({ tenantId: membership.tenantId, actor: { type: 'user', id: user.id }, requestId: command.requestId }, async (tx) => {
      const session = await this.sessions.issue(tx, user.id, membership.role);
      tx.audit({ action: 'security.tenant_switched', entityType: 'user', entityId: user.id, after: { role: membership.role } });
      return {
        ...session,
        user: { id: user.id, email: user.email, name: user.name },
        tenant: { id: membership.tenantId, slug: membership.tenantSlug, name: membership.tenantName, role: membership.role },
      };
    });
  }
}
