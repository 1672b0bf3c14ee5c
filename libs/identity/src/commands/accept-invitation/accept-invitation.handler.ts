import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hash, verify } from 'argon2';
import { IsNull } from 'typeorm';
import { newId, ProblemException, UnitOfWork } from '@saler/platform';
import { Invitation } from '../../domain/invitation.entity';
import { Membership } from '../../domain/membership.entity';
import { SessionIssuer } from '../../domain/session-issuer';
import { parseTenantToken, secretMatches } from '../../domain/tenant-token';
import { Tenant } from '../../domain/tenant.entity';
import { User } from '../../domain/user.entity';
import { SessionResponse } from '../session.response';
import { AcceptInvitationCommand } from './accept-invitation.command';

const INVALID = new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-invitation', 'The invitation is invalid, expired or already used');

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand, SessionResponse> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: AcceptInvitationCommand): Promise<SessionResponse> {
    const parsed = parseTenantToken('inv', command.token);
    if (parsed === null) throw INVALID;
    const newHash = await hash(command.password, { type: 2 });
    return this.unitOfWork.run({ tenantId: parsed.tenantId, actor: { type: 'system', id: null }, requestId: command.requestId }, async (tx) => {
      const invitation = await tx.repository(Invitation).findOne({ id: parsed.rowId });
      if (!invitation || !secretMatches(parsed.secret, invitation.secretHash) || invitation.acceptedAt !== null || invitation.expiresAt < new Date()) throw INVALID;
      const tenant = await tx.global(Tenant).findOne({ where: { id: tx.tenantId } });
      if (!tenant || tenant.status !== 'active') throw INVALID;
      // Claim it atomically: a token accepted twice at once joins once.
      if ((await tx.repository(Invitation).update({ id: invitation.id, acceptedAt: IsNull() }, { acceptedAt: new Date() })) === 0) throw INVALID;
      let user = await tx.global(User).findOne({ where: { email: invitation.email } });
      if (user === null) {
        user = { id: newId(), email: invitation.email, name: command.name, passwordHash: newHash, isPlatformAdmin: false, createdAt: new Date() };
        await tx.global(User).insert(user);
      } else if (!(await verify(user.passwordHash, command.password))) {
        throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-credentials', 'This email has an account: accept with its password');
      }
      if (await tx.repository(Membership).exists({ userId: user.id })) throw new ProblemException(HttpStatus.CONFLICT, 'already-member', 'You are already a member of this tenant');
      const membershipId = newId();
      await tx.repository(Membership).insert({ id: membershipId, userId: user.id, role: invitation.role, status: 'active', createdAt: new Date() });
      const actor = { type: 'user' as const, id: user.id };
      tx.audit(
        { action: 'invitation.accepted', entityType: 'invitation', entityId: invitation.id, actor },
        { action: 'member.added', entityType: 'membership', entityId: membershipId, actor, after: { userId: user.id, role: invitation.role, status: 'active' } },
      );
      return {
        ...(await this.sessions.issue(tx, user.id, invitation.role)),
        user: { id: user.id, email: user.email, name: user.name },
        tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, role: invitation.role },
      };
    });
  }
}
