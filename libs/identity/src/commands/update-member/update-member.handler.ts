import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { assertAnotherOwnerRemains, assertMayGrant, assertMayManage, memberNotFound } from '../../domain/member-rules';
import { Membership } from '../../domain/membership.entity';
import { User } from '../../domain/user.entity';
import { MemberView } from '../member.view';
import { UpdateMemberCommand } from './update-member.command';

@CommandHandler(UpdateMemberCommand)
export class UpdateMemberHandler extends TenantCommandHandler<UpdateMemberCommand, MemberView> {
  protected async handle(command: UpdateMemberCommand, tx: TenantTx): Promise<MemberView> {
    const members = tx.repository(Membership);
    const member = await members.findOne({ userId: command.userId });
    const user = member && (await tx.global(User).findOne({ where: { id: member.userId } }));
    if (!member || !user) throw memberNotFound();
    assertMayManage(command.actorRole, member);
    const next = { role: command.changes.role ?? member.role, status: command.changes.status ?? member.status };
    assertMayGrant(command.actorRole, next.role);
    if (next.role !== 'owner' || next.status !== 'active') await assertAnotherOwnerRemains(tx, member);
    if (next.role !== member.role || next.status !== member.status) {
      await members.update({ id: member.id }, next);
      tx.audit({ action: 'member.updated', entityType: 'membership', entityId: member.id, before: { role: member.role, status: member.status }, after: next });
    }
    return { userId: user.id, email: user.email, name: user.name, role: next.role, status: next.status, joinedAt: member.createdAt.toISOString() };
  }
}
