import { TenantTx, trigrams, trigramSimilarity } from '@saler/platform';
import { modelsWithNames, viewOf } from '../../commands/catalog-store';
import { ModelView, toModelView } from '../../commands/model.view';
import { Model } from '../../domain/model.entity';
import { ModelSearchTerm } from '../../domain/model-search-term.entity';
import { SEARCH_MIN_SCORE, ScoredModel } from '../../domain/quote';
import { parseModelQuery } from '../../domain/search-key';

export interface ModelHit extends ScoredModel {
  /** The model's body type (its base price in a quote). */
  bodyTypeId: string;
  view: ModelView;
}

export interface ModelSearch {
  /** Best first; ties by model id, the same on both drivers. */
  hits: ModelHit[];
  /** The model year the query named, if any. */
  year: number | null;
}

interface NamedMatch {
  score: number;
  id: string;
  name: string;
  aliases: string[];
  yearFrom: number | null;
  yearTo: number | null;
  createdAt: Date;
  updatedAt: Date;
  brandId: string;
  brandName: string;
  bodyTypeId: string;
  bodyTypeName: string;
}

/**
 * PostgreSQL: pg_trgm over the GIN (tenant_id, term) index of catalog_model_terms (hash-partitioned by tenant),
 * through saler_catalog_model_search() (see the Catalog and CatalogSearchPartitions migrations: under RLS the %
 * operator could not use the index). The function reads only the tenant of this transaction; a model's score is
 * its best term's similarity, at least SEARCH_MIN_SCORE, and it returns each match with its model, brand and body
 * type, so a search is one round trip and one function call to plan, its rows read without an entity mapping.
 */
async function searchOnPostgres(tx: TenantTx, key: string, limit: number): Promise<ModelHit[]> {
  const rows = await tx.prepared<NamedMatch>(`SELECT * FROM saler_catalog_model_search($1, $2)`, [key, limit]);
  return rows.map(hitOfRow);
}

const hitOfRow = (row: NamedMatch): ModelHit => ({
  modelId: row.id,
  score: Number(row.score),
  yearFrom: row.yearFrom,
  yearTo: row.yearTo,
  bodyTypeId: row.bodyTypeId,
  view: toModelView(row, { id: row.brandId, name: row.brandName }, { id: row.bodyTypeId, name: row.bodyTypeName }),
});

/** The same for a model loaded by modelsWithNames (SQLite). */
const hitOfModel = (model: Model, score: number): ModelHit => ({ modelId: model.id, score, yearFrom: model.yearFrom, yearTo: model.yearTo, bodyTypeId: model.bodyTypeId, view: viewOf(model) });

/**
 * One model of the tenant by id, with its brand and body type, as a search would find it by its own name (score 1);
 * undefined when the tenant has none. On PostgreSQL one prepared statement read without an entity mapping (a quote
 * by modelId asks it every time), elsewhere through the repository.
 */
export async function modelHitById(tx: TenantTx, id: string): Promise<ModelHit | undefined> {
  if (!tx.isPostgres) {
    const [model] = await modelsWithNames(tx, [id]);
    return model === undefined ? undefined : hitOfModel(model, 1);
  }
  const [row] = await tx.prepared<NamedMatch>(
    `SELECT 1 AS score, m.id, m.name, m.aliases, m.year_from AS "yearFrom", m.year_to AS "yearTo", m.created_at AS "createdAt", m.updated_at AS "updatedAt",
            b.id AS "brandId", b.name AS "brandName", bt.id AS "bodyTypeId", bt.name AS "bodyTypeName"
       FROM catalog_models m
       JOIN catalog_brands b ON b.tenant_id = m.tenant_id AND b.id = m.brand_id
       JOIN catalog_body_types bt ON bt.tenant_id = m.tenant_id AND bt.id = m.body_type_id
      WHERE m.tenant_id = $1 AND m.id = $2`,
    [tx.tenantId, id],
  );
  return row === undefined ? undefined : hitOfRow(row);
}

/** SQLite has no pg_trgm: the same similarity in JavaScript over the tenant's terms (fine at embedded sizes), then the models with their names. */
async function searchInProcess(tx: TenantTx, key: string, limit: number): Promise<ModelHit[]> {
  const wanted = trigrams(key);
  const best = new Map<string, number>();
  const terms = await tx.repository(ModelSearchTerm).find({ select: { tenantId: true, id: true, modelId: true, term: true } });
  for (const { modelId, term } of terms) {
    const score = trigramSimilarity(wanted, trigrams(term));
    if (score >= SEARCH_MIN_SCORE && score > (best.get(modelId) ?? -1)) best.set(modelId, score);
  }
  const ranked = [...best.entries()]
    .map(([modelId, score]) => ({ modelId, score }))
    .sort((a, b) => b.score - a.score || (a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : 0))
    .slice(0, limit);
  if (ranked.length === 0) return [];
  const models = new Map((await modelsWithNames(tx, ranked.map((row) => row.modelId))).map((model) => [model.id, model]));
  return ranked.flatMap(({ modelId, score }) => {
    const model = models.get(modelId);
    return model === undefined ? [] : [hitOfModel(model, score)];
  });
}

/**
 * Typo-tolerant model search over brand + model names and aliases, in Latin or Cyrillic (see
 * search-key.ts). A year in the query ("camry 2015") is not searched for; it is returned for
 * callers that prefer the models covering it.
 */
export async function searchModels(tx: TenantTx, query: string, limit: number): Promise<ModelSearch> {
  const { key, year } = parseModelQuery(query);
  if (key === '') return { hits: [], year };
  return { hits: tx.isPostgres ? await searchOnPostgres(tx, key, limit) : await searchInProcess(tx, key, limit), year };
}
