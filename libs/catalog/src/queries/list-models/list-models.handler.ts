import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, likePattern, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { modelViews } from '../../commands/catalog-store';
import { ModelPage } from '../../commands/model.view';
import { Model } from '../../domain/model.entity';
import { nameKey } from '../../domain/names';
import { newestFirst } from '../list-page';
import { ListModelsQuery } from './list-models.query';

@QueryHandler(ListModelsQuery)
export class ListModelsHandler extends TenantQueryHandler<ListModelsQuery, ModelPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListModelsQuery, tx: TenantTx): Promise<ModelPage> {
    const { brandId, bodyTypeId, q } = query.filters;
    const builder = tx.repository(Model).scopedQuery('m');
    if (brandId !== undefined) builder.andWhere('m.brand_id = :brandId', { brandId: brandId.toLowerCase() });
    if (bodyTypeId !== undefined) builder.andWhere('m.body_type_id = :bodyTypeId', { bodyTypeId: bodyTypeId.toLowerCase() });
    if (q !== undefined) builder.andWhere(`m.name_key LIKE :q ESCAPE '\\'`, { q: likePattern(nameKey(q)) });
    const page = await newestFirst(builder, 'm', query.page, this.cursors);
    return { data: await modelViews(tx, page.data), nextCursor: page.nextCursor };
  }
}
