import { HttpStatus } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProblemException, UnitOfWork } from '@saler/platform';
import { membershipsOf } from '../../domain/membership-directory';
import { User } from '../../domain/user.entity';
import { GetMeQuery, MeResponse } from './get-me.query';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery, MeResponse> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(query: GetMeQuery): Promise<MeResponse> {
    return this.unitOfWork.runGlobal(async (tx) => {
      const user = await tx.global(User).findOne({ where: { id: query.userId } });
      if (user === null) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'This account no longer exists');
      const memberships = await membershipsOf(tx, user.id);
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        isPlatformAdmin: user.isPlatformAdmin,
        currentTenantId: query.tenantId,
        memberships: memberships.map(({ tenantId, tenantSlug, tenantName, role, status }) => ({ tenantId, tenantSlug, tenantName, role, status })),
      };
    });
  }
}
