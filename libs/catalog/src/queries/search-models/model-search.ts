import { In } from 'typeorm';
import { TenantTx, trigrams, trigramSimilarity } from '@saler/platform';
import { ModelSearchTerm } from '../../domain/model-search-term.entity';
import { Model } from '../../domain/model.entity';
import { SEARCH_MIN_SCORE, ScoredModel } from '../../domain/quote';
import { parseModelQuery } from '../../domain/search-key';

export interface ModelHit extends ScoredModel {
  model: Model;
}

export interface ModelSearch {
  /** Best first; ties by model id, the same on both drivers. */
  hits: ModelHit[];
  /** The model year the query named, if any. */
  year: number | null;
}

interface Ranked {
  modelId: string;
  score: number;
}

/**
 * PostgreSQL: pg_trgm over the GIN (tenant_id, term) index of catalog_model_terms, through
 * saler_catalog_model_matches() (see the Catalog migration: under RLS the % operator could not use the
 * index). The function reads only the tenant of this transaction; a model's score is its best term's
 * similarity, at least SEARCH_MIN_SCORE.
 */
async function rankOnPostgres(tx: TenantTx, key: string, limit: number): Promise<Ranked[]> {
  const rows: { modelId: string; score: number }[] = await tx.manager.query(`SELECT model_id AS "modelId", score FROM saler_catalog_model_matches($1, $2)`, [key, limit]);
  return rows.map((row) => ({ modelId: row.modelId, score: Number(row.score) }));
}

/** SQLite has no pg_trgm: the same similarity in JavaScript over the tenant's terms (fine at embedded sizes). */
async function rankInProcess(tx: TenantTx, key: string, limit: number): Promise<Ranked[]> {
  const wanted = trigrams(key);
  const best = new Map<string, number>();
  const terms = await tx.repository(ModelSearchTerm).find({ select: { tenantId: true, id: true, modelId: true, term: true } });
  for (const { modelId, term } of terms) {
    const score = trigramSimilarity(wanted, trigrams(term));
    if (score >= SEARCH_MIN_SCORE && score > (best.get(modelId) ?? -1)) best.set(modelId, score);
  }
  return [...best.entries()]
    .map(([modelId, score]) => ({ modelId, score }))
    .sort((a, b) => b.score - a.score || (a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : 0))
    .slice(0, limit);
}

/**
 * Typo-tolerant model search over brand + model names and aliases, in Latin or Cyrillic (see
 * search-key.ts). A year in the query ("camry 2015") is not searched for; it is returned for
 * callers that prefer the models covering it.
 */
export async function searchModels(tx: TenantTx, query: string, limit: number): Promise<ModelSearch> {
  const { key, year } = parseModelQuery(query);
  if (key === '') return { hits: [], year };
  const postgres = tx.manager.connection.options.type === 'postgres';
  const ranked = postgres ? await rankOnPostgres(tx, key, limit) : await rankInProcess(tx, key, limit);
  if (ranked.length === 0) return { hits: [], year };
  const models = new Map((await tx.repository(Model).find({ where: { id: In(ranked.map((row) => row.modelId)) } })).map((model) => [model.id, model]));
  const hits = ranked.flatMap(({ modelId, score }) => {
    const model = models.get(modelId);
    return model === undefined ? [] : [{ modelId, score, yearFrom: model.yearFrom, yearTo: model.yearTo, model }];
  });
  return { hits, year };
}
