import { TenantCommand, TenantContext } from '@saler/platform';
import { Role } from '../../domain/role';
import { MemberView } from '../member.view';

export class UpdateMemberCommand extends TenantCommand<MemberView> {
  constructor(
    context: TenantContext,
    readonly actorRole: Role,
    readonly userId: string,
    readonly changes: { role?: Role; status?: 'active' | 'disabled' },
  ) {
    super(context);
  }
}
