import { TenantContext, TenantQuery } from '@saler/platform';

export interface MemberFact {
  userId: string;
  role: string;
  status: 'active' | 'disabled';
}

/** Whether a user is a member of the tenant, for other contexts (an assignee must be an active member). */
export class FindMemberQuery extends TenantQuery<MemberFact | null> {
  constructor(
    context: TenantContext,
    readonly userId: string,
  ) {
    super(context);
  }
}
