import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { NO_TENANT, ProblemException, TenantTx, UnitOfWork } from '@saler/platform';
import { Membership } from '../../domain/membership.entity';
import { parseTenantToken, secretMatches } from '../../domain/tenant-token';
import { RefreshToken } from '../../domain/refresh-token.entity';
import { PLATFORM_ADMIN_ROLE, SessionIssuer } from '../../domain/session-issuer';
import { Tenant } from '../../domain/tenant.entity';
import { User } from '../../domain/user.entity';
import { SessionResponse } from '../session.response';
import { RefreshSessionCommand } from './refresh-session.command';

const REJECTED = new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-refresh-token', 'The refresh token is invalid, expired or revoked');

/** Revokes every live token of a family (logout, and the answer to reuse). */
export async function revokeFamily(tx: TenantTx, familyId: string): Promise<void> {
  await tx.repository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
}

@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand, SessionResponse> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<SessionResponse> {
    const parsed = parseTenantToken('rt', command.refreshToken);
    if (parsed === null) throw REJECTED;
    // The outcome is decided inside the transaction; a reuse must commit its revocation before answering 401.
    const outcome = await this.unitOfWork.run({ tenantId: parsed.tenantId, actor: { type: 'system', id: null }, requestId: command.requestId }, async (tx) => {
      const tokens = tx.repository(RefreshToken);
      const token = await tokens.findOne({ id: parsed.rowId });
      if (token === null || !secretMatches(parsed.secret, token.secretHash) || token.revokedAt !== null || token.expiresAt < new Date()) return null;
      // Claim the token atomically: of two concurrent uses, exactly one wins; the other is a reuse.
      const claimed = await tokens.update({ id: token.id, usedAt: IsNull() }, { usedAt: new Date() });
      if (claimed === 0) {
        await revokeFamily(tx, token.familyId);
        tx.audit({
          action: 'security.refresh_reuse',
          entityType: 'session',
          entityId: token.familyId,
          actor: { type: 'user', id: token.userId },
          after: { tokenId: token.id, revoked: 'family' },
        });
        return 'reused' as const;
      }
      if (tx.tenantId === NO_TENANT) {
        const admin = await tx.global(User).findOne({ where: { id: token.userId, isPlatformAdmin: true } });
        if (admin === null) return null;
        return { ...(await this.sessions.issue(tx, admin.id, PLATFORM_ADMIN_ROLE, token.familyId)), user: { id: admin.id, email: admin.email, name: admin.name }, tenant: null };
      }
      const membership = await tx.repository(Membership).findOne({ userId: token.userId, status: 'active' });
      const tenant = await tx.global(Tenant).findOne({ where: { id: tx.tenantId } });
      const user = await tx.global(User).findOne({ where: { id: token.userId } });
      if (membership === null || tenant === null || tenant.status !== 'active' || user === null) {
        await revokeFamily(tx, token.familyId);
        return null;
      }
      return {
        ...(await this.sessions.issue(tx, user.id, membership.role, token.familyId)),
        user: { id: user.id, email: user.email, name: user.name },
        tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, role: membership.role },
      };
    });
    if (outcome === null || outcome === 'reused') throw REJECTED;
    return outcome;
  }
}
