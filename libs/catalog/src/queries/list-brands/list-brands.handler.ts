import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, likePattern, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { BrandPage, toBrandView } from '../../commands/brand.view';
import { Brand } from '../../domain/brand.entity';
import { nameKey } from '../../domain/names';
import { newestFirst } from '../list-page';
import { ListBrandsQuery } from './list-brands.query';

@QueryHandler(ListBrandsQuery)
export class ListBrandsHandler extends TenantQueryHandler<ListBrandsQuery, BrandPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListBrandsQuery, tx: TenantTx): Promise<BrandPage> {
    const builder = tx.repository(Brand).scopedQuery('b');
    if (query.q !== undefined) builder.andWhere(`b.name_key LIKE :q ESCAPE '\\'`, { q: likePattern(nameKey(query.q)) });
    const page = await newestFirst(builder, 'b', query.page, this.cursors);
    return { data: page.data.map(toBrandView), nextCursor: page.nextCursor };
  }
}
