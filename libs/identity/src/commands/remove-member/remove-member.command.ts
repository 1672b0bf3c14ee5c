import { TenantCommand, TenantContext } from '@saler/platform';
import { Role } from '../../domain/role';

export class RemoveMemberCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly actorRole: Role,
    readonly userId: string,
  ) {
    super(context);
  }
}
