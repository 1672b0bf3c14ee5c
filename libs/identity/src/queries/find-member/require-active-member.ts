import { HttpStatus } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FindMemberQuery } from './find-member.query';
import { ProblemException, TenantContext } from '@saler/platform';

/** An assignee must be an active member of the tenant: identity answers, through the query bus. */
export async function requireActiveMember(queryBus: QueryBus, context: TenantContext, userId: string, field = 'assigneeId'): Promise<void> {
  const member = await queryBus.execute(new FindMemberQuery(context, userId));
  if (member === null || member.status !== 'active') {
    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'not-a-member', 'The assignee must be an active member of this tenant', { errors: [{ field, message: `${field} is not an active member` }] });
  }
}
