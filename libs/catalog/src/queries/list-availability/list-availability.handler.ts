import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, keysetPage, KeysetSort, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { AvailabilityPage, toAvailabilityView } from '../../commands/availability.view';
import { Availability } from '../../domain/availability.entity';
import { ListAvailabilityQuery } from './list-availability.query';

const RECENT_FIRST: KeysetSort<Availability> = { name: 'updatedAt', column: 'a.updated_at', direction: 'DESC', kind: 'date', read: (row) => row.updatedAt };

@QueryHandler(ListAvailabilityQuery)
export class ListAvailabilityHandler extends TenantQueryHandler<ListAvailabilityQuery, AvailabilityPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected handle(query: ListAvailabilityQuery, tx: TenantTx): Promise<AvailabilityPage> {
    const { modelId, categoryId } = query.filters;
    const builder = tx.repository(Availability).scopedQuery('a');
    if (modelId !== undefined) builder.andWhere('a.model_id = :modelId', { modelId: modelId.toLowerCase() });
    if (categoryId !== undefined) builder.andWhere('a.category_id = :categoryId', { categoryId: categoryId.toLowerCase() });
    return keysetPage(builder, RECENT_FIRST, 'a.id', query.page, this.cursors, toAvailabilityView);
  }
}
