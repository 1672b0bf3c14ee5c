import { QueryHandler } from '@nestjs/cqrs';
import { In, MoreThan } from 'typeorm';
import { CursorCodec, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { MemberPage } from '../../commands/member.view';
import { Membership } from '../../domain/membership.entity';
import { User } from '../../domain/user.entity';
import { ListMembersQuery } from './list-members.query';

@QueryHandler(ListMembersQuery)
export class ListMembersHandler extends TenantQueryHandler<ListMembersQuery, MemberPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListMembersQuery, tx: TenantTx): Promise<MemberPage> {
    const after = query.cursor ? this.cursors.decode<{ id: string }>(query.cursor).id : undefined;
    const rows = await tx.repository(Membership).find({ where: after ? { id: MoreThan(after) } : {}, order: { id: 'ASC' }, take: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const users = new Map((await tx.global(User).find({ where: { id: In(page.map((row) => row.userId)) } })).map((user) => [user.id, user]));
    return {
      data: page.map((row) => {
        const user = users.get(row.userId) as User;
        return { userId: row.userId, email: user.email, name: user.name, role: row.role, status: row.status, joinedAt: row.createdAt.toISOString() };
      }),
      nextCursor: rows.length > query.limit ? this.cursors.encode({ id: page[page.length - 1].id }) : null,
    };
  }
}
