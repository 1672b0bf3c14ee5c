import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hash, verify } from 'argon2';
import { ProblemException, UnitOfWork } from '@saler/platform';
import { membershipsOf } from '../../domain/membership-directory';
import { SessionIssuer } from '../../domain/session-issuer';
import { User } from '../../domain/user.entity';
import { SessionResponse } from '../session.response';
import { LoginCommand } from './login.command';

const INVALID = 'The email or password is incorrect';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, SessionResponse> {
  /** Verified when the email is unknown, so both failures cost one argon2 verification (no user enumeration by timing). */
  private readonly decoy = hash('decoy password that never matches', { type: 2 });

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: LoginCommand): Promise<SessionResponse> {
    const found = await this.unitOfWork.runGlobal(async (tx) => {
      const user = await tx.global(User).findOne({ where: { email: command.email } });
      return user === null ? null : { user, memberships: await membershipsOf(tx, user.id) };
    });
    const passwordOk = await verify(found?.user.passwordHash ?? (await this.decoy), command.password);
    if (found === null || !passwordOk) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-credentials', INVALID);
    const open = found.memberships.filter((membership) => membership.status === 'active' && membership.tenantStatus === 'active');
    const membership = command.tenantSlug === undefined ? open[0] : open.find((candidate) => candidate.tenantSlug === command.tenantSlug);
    if (membership === undefined) {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'no-membership', command.tenantSlug ? 'You have no active membership in this tenant' : 'You have no active membership in any tenant');
    }
    const { user } = found;
    return this.unitOfWork.run({ tenantId: membership.tenantId, actor: { type: 'user', id: user.id }, requestId: command.requestId }, async (tx) => {
      const session = await this.sessions.issue(tx, user.id, membership.role);
      tx.audit({ action: 'security.login_succeeded', entityType: 'user', entityId: user.id, after: { role: membership.role } });
      return {
        ...session,
        user: { id: user.id, email: user.email, name: user.name },
        tenant: { id: membership.tenantId, slug: membership.tenantSlug, name: membership.tenantName, role: membership.role },
      };
    });
  }
}
