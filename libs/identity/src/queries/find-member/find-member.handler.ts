import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { Membership } from '../../domain/membership.entity';
import { FindMemberQuery, MemberFact } from './find-member.query';

@QueryHandler(FindMemberQuery)
export class FindMemberHandler extends TenantQueryHandler<FindMemberQuery, MemberFact | null> {
  protected async handle(query: FindMemberQuery, tx: TenantTx): Promise<MemberFact | null> {
    const membership = await tx.repository(Membership).findOne({ userId: query.userId });
    return membership === null ? null : { userId: membership.userId, role: membership.role, status: membership.status };
  }
}
