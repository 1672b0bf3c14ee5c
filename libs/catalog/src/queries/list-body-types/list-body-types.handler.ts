import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { BodyTypePage, toBodyTypeView } from '../../commands/body-type.view';
import { BodyType } from '../../domain/body-type.entity';
import { newestFirst } from '../list-page';
import { ListBodyTypesQuery } from './list-body-types.query';

@QueryHandler(ListBodyTypesQuery)
export class ListBodyTypesHandler extends TenantQueryHandler<ListBodyTypesQuery, BodyTypePage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListBodyTypesQuery, tx: TenantTx): Promise<BodyTypePage> {
    const page = await newestFirst(tx.repository(BodyType).scopedQuery('t'), 't', query.page, this.cursors);
    return { data: page.data.map(toBodyTypeView), nextCursor: page.nextCursor };
  }
}
