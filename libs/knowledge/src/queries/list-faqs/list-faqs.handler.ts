import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, keysetPage, KeysetSort, likePattern, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { FaqPage, toFaqView } from '../../commands/faq.view';
import { questionKey } from '../../domain/faq-match';
import { Faq } from '../../domain/faq.entity';
import { ListFaqsQuery } from './list-faqs.query';

/** Newest first over the (tenant_id, created_at, id) index. */
const NEWEST_FIRST: KeysetSort<Faq> = { name: 'createdAt', column: 'f.created_at', direction: 'DESC', kind: 'date', read: (row) => row.createdAt };

@QueryHandler(ListFaqsQuery)
export class ListFaqsHandler extends TenantQueryHandler<ListFaqsQuery, FaqPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListFaqsQuery, tx: TenantTx): Promise<FaqPage> {
    const { status, category, locale, q } = query.filters;
    const builder = tx.repository(Faq).scopedQuery('f');
    if (status !== undefined) builder.andWhere('f.status = :status', { status });
    if (category !== undefined) builder.andWhere('f.category = :category', { category });
    if (locale !== undefined) builder.andWhere('f.locale = :locale', { locale });
    if (q !== undefined) builder.andWhere(`f.question_key LIKE :q ESCAPE '\\'`, { q: likePattern(questionKey(q)) });
    const page = await keysetPage(builder, NEWEST_FIRST, 'f.id', query.page, this.cursors, (row) => row);
    return { data: page.data.map(toFaqView), nextCursor: page.nextCursor };
  }
}
