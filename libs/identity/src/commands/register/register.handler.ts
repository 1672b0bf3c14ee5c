import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hash } from 'argon2';
import { isUniqueViolation, newId, ProblemException, TenantProvisioning, UnitOfWork } from '@saler/platform';
import { Membership } from '../../domain/membership.entity';
import { SessionIssuer } from '../../domain/session-issuer';
import { Tenant } from '../../domain/tenant.entity';
import { User } from '../../domain/user.entity';
import { SessionResponse } from '../session.response';
import { RegisterCommand } from './register.command';

export const DEFAULT_TENANT_SETTINGS = { locale: 'en', timezone: 'UTC', retentionDays: 365 } as const;

@CommandHandler(RegisterCommand)
export class RegisterHandler implements ICommandHandler<RegisterCommand, SessionResponse> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionIssuer,
    private readonly provisioning: TenantProvisioning,
  ) {}

  async execute(command: RegisterCommand): Promise<SessionResponse> {
    const passwordHash = await hash(command.password, { type: 2 });
    const tenantId = newId();
    const userId = newId();
    try {
      return await this.unitOfWork.run({ tenantId, actor: { type: 'user', id: userId }, requestId: command.requestId }, async (tx) => {
        if (await tx.global(Tenant).exists({ where: { slug: command.tenantSlug } })) throw conflict('tenantSlug', 'This tenant slug is taken');
        if (await tx.global(User).exists({ where: { email: command.email } })) throw conflict('email', 'An account with this email exists; log in instead');
        const now = new Date();
        const tenant: Tenant = {
          id: tenantId,
          slug: command.tenantSlug,
          name: command.tenantName,
          status: 'active',
          locale: DEFAULT_TENANT_SETTINGS.locale,
          timezone: DEFAULT_TENANT_SETTINGS.timezone,
          retentionDays: DEFAULT_TENANT_SETTINGS.retentionDays,
          settings: {},
          version: 1,
          createdAt: now,
        };
        const user: User = { id: userId, email: command.email, name: command.name, passwordHash, isPlatformAdmin: false, createdAt: now };
        await tx.global(Tenant).insert(tenant);
        await tx.global(User).insert(user);
        const membershipId = newId();
        await tx.repository(Membership).insert({ id: membershipId, userId: user.id, role: 'owner', status: 'active', createdAt: now });
        tx.audit(
          { action: 'tenant.created', entityType: 'tenant', entityId: tenant.id, after: { slug: tenant.slug, name: tenant.name, status: tenant.status } },
          { action: 'user.registered', entityType: 'user', entityId: user.id, after: { email: user.email, name: user.name } },
          { action: 'member.added', entityType: 'membership', entityId: membershipId, after: { userId: user.id, role: 'owner', status: 'active' } },
        );
        await this.provisioning.provision(tx);
        const session = await this.sessions.issue(tx, user.id, 'owner');
        return { ...session, user: { id: user.id, email: user.email, name: user.name }, tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, role: 'owner' } };
      });
    } catch (error) {
      // Two registrations racing for the same slug or email: the database decides.
      if (isUniqueViolation(error)) throw conflict('tenantSlug', 'This tenant slug or email is already registered');
      throw error;
    }
  }
}

function conflict(field: string, message: string): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'conflict', message, { errors: [{ field, message }] });
}
