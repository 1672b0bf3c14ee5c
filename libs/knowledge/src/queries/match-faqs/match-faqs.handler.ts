import { QueryHandler } from '@nestjs/cqrs';
import { Brackets, In, IsNull } from 'typeorm';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { toFaqView } from '../../commands/faq.view';
import { FAQ_MIN_SCORE, FaqScore, questionKey, rankFaqs, roundScore } from '../../domain/faq-match';
import { Faq } from '../../domain/faq.entity';
import { FaqMatchResult } from './faq-match.view';
import { MatchFaqsQuery } from './match-faqs.query';

/**
 * PostgreSQL: pg_trgm similarity() over the tenant's active FAQs. A tenant has a few hundred FAQs
 * at most, so a tenant-scoped scan (under RLS, through the (tenant_id, status) index) is enough and
 * needs no trigram index.
 */
async function rankOnPostgres(tx: TenantTx, key: string, locale: string | undefined, limit: number): Promise<FaqScore[]> {
  const builder = tx
    .repository(Faq)
    .scopedQuery('f')
    .select('f.id', 'id')
    .addSelect('similarity(f.question_key, :key)', 'score')
    .andWhere(`f.status = 'active'`)
    .andWhere('similarity(f.question_key, :key) >= :min')
    .setParameters({ key, min: FAQ_MIN_SCORE })
    .orderBy('score', 'DESC')
    .addOrderBy('f.id', 'ASC')
    .limit(limit);
  if (locale !== undefined) builder.andWhere(new Brackets((where) => where.where('f.locale = :locale', { locale }).orWhere('f.locale IS NULL')));
  const rows: { id: string; score: string | number }[] = await builder.getRawMany();
  return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
}

/** SQLite has no pg_trgm: the same similarity in JavaScript over the tenant's active FAQs. */
async function rankInProcess(tx: TenantTx, key: string, locale: string | undefined, limit: number): Promise<FaqScore[]> {
  const active = { status: 'active' as const };
  const where = locale === undefined ? active : [{ ...active, locale }, { ...active, locale: IsNull() }];
  const candidates = await tx.repository(Faq).find({ select: { tenantId: true, id: true, questionKey: true }, where });
  return rankFaqs(key, candidates, limit);
}

/** The active FAQs whose question is most like the query, typo-tolerant, in Latin or Cyrillic (see faq-match.ts). */
@QueryHandler(MatchFaqsQuery)
export class MatchFaqsHandler extends TenantQueryHandler<MatchFaqsQuery, FaqMatchResult> {
  protected async handle(query: MatchFaqsQuery, tx: TenantTx): Promise<FaqMatchResult> {
    const key = questionKey(query.q);
    if (key === '') return { data: [] };
    const postgres = tx.manager.connection.options.type === 'postgres';
    const ranked = postgres ? await rankOnPostgres(tx, key, query.locale, query.limit) : await rankInProcess(tx, key, query.locale, query.limit);
    if (ranked.length === 0) return { data: [] };
    const faqs = new Map((await tx.repository(Faq).find({ where: { id: In(ranked.map((hit) => hit.id)) } })).map((faq) => [faq.id, faq]));
    return {
      data: ranked.flatMap(({ id, score }) => {
        const faq = faqs.get(id);
        return faq === undefined ? [] : [{ faq: toFaqView(faq), score: roundScore(score) }];
      }),
    };
  }
}
