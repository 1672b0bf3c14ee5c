import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Invitation } from '../../domain/invitation.entity';
import { assertMayGrant } from '../../domain/member-rules';
import { formatTenantToken, hashSecret, newSecret } from '../../domain/tenant-token';
import { InvitationCreated, InviteMemberCommand } from './invite-member.command';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

@CommandHandler(InviteMemberCommand)
export class InviteMemberHandler extends TenantCommandHandler<InviteMemberCommand, InvitationCreated> {
  protected async handle(command: InviteMemberCommand, tx: TenantTx): Promise<InvitationCreated> {
    assertMayGrant(command.actorRole, command.role);
    const secret = newSecret();
    const now = new Date();
    const invitation = {
      id: newId(),
      email: command.email,
      role: command.role,
      secretHash: hashSecret(secret),
      invitedBy: command.context.actor.id,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      acceptedAt: null,
      createdAt: now,
    };
    await tx.repository(Invitation).insert(invitation);
    tx.audit({ action: 'invitation.created', entityType: 'invitation', entityId: invitation.id, after: { email: invitation.email, role: invitation.role } });
    return { id: invitation.id, token: formatTenantToken('inv', { tenantId: tx.tenantId, rowId: invitation.id, secret }), expiresAt: invitation.expiresAt.toISOString() };
  }
}
