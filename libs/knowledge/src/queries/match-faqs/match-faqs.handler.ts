import { QueryHandler } from '@nestjs/cqrs';
import { Brackets, In, IsNull } from 'typeorm';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { toFaqView } from '../../commands/faq.view';
import { FAQ_MIN_SCORE, FaqScore, questionKey, rankFaqs, roundScore } from '../../domain/faq-match';
import { Faq } from '../../domain/faq.entity';
import { FaqMatchResult } from './faq-match.view';
import { MatchFaqsQuery } from './match-faqs.query';

interface FaqHit {
  faq: Faq;
  score: number;
}

/**
 * PostgreSQL: pg_trgm similarity() over the tenant's active FAQs, the rows with their scores in one
 * statement. A tenant has a few hundred FAQs at most, so a tenant-scoped scan (under RLS, through
 * the (tenant_id, status) index) is enough and needs no trigram index.
 */
async function matchOnPostgres(tx: TenantTx, key: string, locale: string | undefined, limit: number): Promise<FaqHit[]> {
  const builder = tx
    .repository(Faq)
    .scopedQuery('f')
    .addSelect('similarity(f.question_key, :key)', 'score')
    .andWhere(`f.status = 'active'`)
    .andWhere('similarity(f.question_key, :key) >= :min')
    .setParameters({ key, min: FAQ_MIN_SCORE })
    .orderBy('score', 'DESC')
    .addOrderBy('f.id', 'ASC')
    .limit(limit);
  if (locale !== undefined) builder.andWhere(new Brackets((where) => where.where('f.locale = :locale', { locale }).orWhere('f.locale IS NULL')));
  const { entities, raw } = await builder.getRawAndEntities<{ score: string | number }>();
  return entities.map((faq, index) => ({ faq, score: Number(raw[index].score) }));
}

/** SQLite has no pg_trgm: the same similarity in JavaScript over the tenant's active FAQs, then the best ones loaded. */
async function matchInProcess(tx: TenantTx, key: string, locale: string | undefined, limit: number): Promise<FaqHit[]> {
  const active = { status: 'active' as const };
  const where = locale === undefined ? active : [{ ...active, locale }, { ...active, locale: IsNull() }];
  const candidates = await tx.repository(Faq).find({ select: { tenantId: true, id: true, questionKey: true }, where });
  const ranked: FaqScore[] = rankFaqs(key, candidates, limit);
  if (ranked.length === 0) return [];
  const faqs = new Map((await tx.repository(Faq).find({ where: { id: In(ranked.map((hit) => hit.id)) } })).map((faq) => [faq.id, faq]));
  return ranked.flatMap(({ id, score }) => {
    const faq = faqs.get(id);
    return faq === undefined ? [] : [{ faq, score }];
  });
}

/** The active FAQs whose question is most like the query, typo-tolerant, in Latin or Cyrillic (see faq-match.ts). */
@QueryHandler(MatchFaqsQuery)
export class MatchFaqsHandler extends TenantQueryHandler<MatchFaqsQuery, FaqMatchResult> {
  protected async handle(query: MatchFaqsQuery, tx: TenantTx): Promise<FaqMatchResult> {
    const key = questionKey(query.q);
    if (key === '') return { data: [] };
    const hits = tx.isPostgres ? await matchOnPostgres(tx, key, query.locale, query.limit) : await matchInProcess(tx, key, query.locale, query.limit);
    return { data: hits.map(({ faq, score }) => ({ faq: toFaqView(faq), score: roundScore(score) })) };
  }
}
