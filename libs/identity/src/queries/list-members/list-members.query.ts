import { TenantQuery, TenantContext } from '@saler/platform';
import { MemberPage } from '../../commands/member.view';

export class ListMembersQuery extends TenantQuery<MemberPage> {
  constructor(
    context: TenantContext,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super(context);
  }
}
