import { CommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { assertAnotherOwnerRemains, assertMayManage, memberNotFound } from '../../domain/member-rules';
import { Membership } from '../../domain/membership.entity';
import { RefreshToken } from '../../domain/refresh-token.entity';
import { RemoveMemberCommand } from './remove-member.command';

/** Removes a membership and ends that user's sessions in this tenant. */
@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler extends TenantCommandHandler<RemoveMemberCommand, void> {
  protected async handle(command: RemoveMemberCommand, tx: TenantTx): Promise<void> {
    const member = await tx.repository(Membership).findOne({ userId: command.userId });
    if (!member) throw memberNotFound();
    assertMayManage(command.actorRole, member);
    await assertAnotherOwnerRemains(tx, member);
    await tx.repository(Membership).delete({ id: member.id });
    await tx.repository(RefreshToken).update({ userId: member.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    tx.audit({ action: 'member.removed', entityType: 'membership', entityId: member.id, before: { userId: member.userId, role: member.role, status: member.status } });
  }
}
