import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hash, verify } from 'argon2';
import { LessThan, MoreThan } from 'typeorm';
import { AuditRecord, newId, NO_TENANT, ProblemException, UnitOfWork } from '@saler/platform';
import { LOCKOUT_WINDOW_MS, lockoutRemainingSeconds } from '../../domain/lockout';
import { LoginFailure } from '../../domain/login-failure.entity';
import { membershipsOf, MembershipSummary } from '../../domain/membership-directory';
import { PLATFORM_ADMIN_ROLE, SessionIssuer } from '../../domain/session-issuer';
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
    const now = new Date();
    const found = await this.unitOfWork.runGlobal(async (tx) => {
      const failures = await tx.global(LoginFailure).find({ where: { email: command.email, failedAt: MoreThan(new Date(now.getTime() - LOCKOUT_WINDOW_MS)) } });
      const user = await tx.global(User).findOne({ where: { email: command.email } });
      return { lockedFor: lockoutRemainingSeconds(failures.map((failure) => failure.failedAt), now), user, memberships: user ? await membershipsOf(tx, user.id) : [] };
    });
    const open = found.memberships.filter((membership) => membership.status === 'active' && membership.tenantStatus === 'active');
    const home = command.tenantSlug === undefined ? open[0] : (open.find((candidate) => candidate.tenantSlug === command.tenantSlug) ?? open[0]);
    if (found.lockedFor > 0) {
      await this.auditIn(home, found.user, command.requestId, { action: 'security.lockout', entityType: 'user', entityId: found.user?.id, after: { retryAfterSeconds: found.lockedFor } });
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'login-locked', 'Too many failed logins for this email; try again later', { retryAfter: found.lockedFor });
    }
    const passwordOk = await verify(found.user?.passwordHash ?? (await this.decoy), command.password);
    if (found.user === null || !passwordOk) {
      await this.unitOfWork.runGlobal(async (tx) => {
        await tx.global(LoginFailure).delete({ email: command.email, failedAt: LessThan(new Date(now.getTime() - LOCKOUT_WINDOW_MS)) });
        await tx.global(LoginFailure).insert({ id: newId(), email: command.email, failedAt: now });
      });
      await this.auditIn(home, found.user, command.requestId, { action: 'security.login_failed', entityType: 'user', entityId: found.user?.id });
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-credentials', INVALID);
    }
    const membership = command.tenantSlug === undefined ? open[0] : open.find((candidate) => candidate.tenantSlug === command.tenantSlug);
    if (membership === undefined && found.user.isPlatformAdmin && command.tenantSlug === undefined) return this.platformSession(found.user, command.requestId);
    if (membership === undefined) {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'no-membership', command.tenantSlug ? 'You have no active membership in this tenant' : 'You have no active membership in any tenant');
    }
    const { user } = found;
    await this.unitOfWork.runGlobal((tx) => tx.global(LoginFailure).delete({ email: command.email }));
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

  /** A platform admin without a membership signs in outside any tenant: admin routes only. */
  private async platformSession(user: User, requestId: string): Promise<SessionResponse> {
    await this.unitOfWork.runGlobal((tx) => tx.global(LoginFailure).delete({ email: user.email }));
    const session = await this.unitOfWork.run({ tenantId: NO_TENANT, actor: { type: 'user', id: user.id }, requestId }, (tx) => this.sessions.issue(tx, user.id, PLATFORM_ADMIN_ROLE));
    return { ...session, user: { id: user.id, email: user.email, name: user.name }, tenant: null };
  }

  /** Security events of a known user go to the audit chain of the tenant they were signing in to. */
  private async auditIn(tenant: MembershipSummary | undefined, user: User | null, requestId: string, record: AuditRecord): Promise<void> {
    if (tenant === undefined || user === null) return;
    await this.unitOfWork.run({ tenantId: tenant.tenantId, actor: { type: 'user', id: user.id }, requestId }, async (tx) => tx.audit(record));
  }
}
