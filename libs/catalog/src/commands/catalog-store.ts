import { In } from 'typeorm';
import { isUniqueViolation, newId, TenantTx, ValidationProblem } from '@saler/platform';
import { BodyType } from '../domain/body-type.entity';
import { Brand } from '../domain/brand.entity';
import { fieldProblem, nameTaken, notFound } from '../domain/catalog-problems';
import { ModelSearchTerm } from '../domain/model-search-term.entity';
import { Model } from '../domain/model.entity';
import { ProductCategory } from '../domain/product-category.entity';
import { ProductOption } from '../domain/product-option.entity';
import { modelSearchTerms } from '../domain/search-key';
import { ModelView, toModelView } from './model.view';

type Loadable = typeof Brand | typeof Model | typeof BodyType | typeof ProductCategory | typeof ProductOption;

const WHAT = new Map<Loadable, string>([
  [Brand, 'brand'],
  [Model, 'model'],
  [BodyType, 'body type'],
  [ProductCategory, 'category'],
  [ProductOption, 'option'],
]);

/** A record named in the path: 404 when this tenant has none with that id. */
export async function load<E extends Brand | Model | BodyType | ProductCategory | ProductOption>(tx: TenantTx, target: new () => E, id: string): Promise<E> {
  const row = await tx.repository(target).findOne({ id } as never);
  if (row === null) throw notFound(WHAT.get(target as Loadable) ?? 'record');
  return row;
}

/** The 400 naming the field of the body whose id this tenant has no record of. */
export function unknownReference(target: Loadable, field: string): ValidationProblem {
  return fieldProblem(field, `No such ${WHAT.get(target) ?? 'record'} in this tenant`);
}

/** A record named in the body: 400 naming the field when this tenant has none with that id. */
export async function reference<E extends Brand | Model | BodyType | ProductCategory | ProductOption>(tx: TenantTx, target: new () => E, id: string, field: string): Promise<E> {
  const row = await tx.repository(target).findOne({ id } as never);
  if (row === null) throw unknownReference(target as Loadable, field);
  return row;
}

/**
 * Runs a write that may hit a name's unique index and turns that into a 409 naming the field. A
 * handler checks first for a friendly answer; this catches two requests racing for one name.
 */
export async function uniquely<T>(write: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(field, message);
    throw error;
  }
}

/** Rows per multi-row INSERT: well under PostgreSQL's and SQLite's bound-parameter limits. */
const INSERT_CHUNK = 500;

export async function insertChunked<E extends { tenantId: string; id: string }>(tx: TenantTx, target: new () => E, rows: Partial<E>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await tx.repository(target).insert(rows.slice(start, start + INSERT_CHUNK) as never);
}

/** Rewrites the search terms of these models (all of one brand, or each with its own brand in `brands`). */
export async function rewriteModelTerms(tx: TenantTx, models: Model[], brands: Map<string, Pick<Brand, 'name' | 'aliases'>>): Promise<void> {
  if (models.length === 0) return;
  for (let start = 0; start < models.length; start += INSERT_CHUNK) {
    await tx.repository(ModelSearchTerm).delete({ modelId: In(models.slice(start, start + INSERT_CHUNK).map((model) => model.id)) });
  }
  const rows = models.flatMap((model) => {
    const brand = brands.get(model.brandId);
    if (brand === undefined) throw new Error(`rewriteModelTerms: no brand ${model.brandId} for model ${model.id}`);
    return modelSearchTerms(brand, model).map((term) => ({ id: newId(), modelId: model.id, term }));
  });
  await insertChunked(tx, ModelSearchTerm, rows);
}

/** Rewrites the search terms of every model of a brand (after the brand's name or aliases change). */
export async function rewriteBrandTerms(tx: TenantTx, brand: Brand): Promise<void> {
  const models = await tx.repository(Model).find({ where: { brandId: brand.id } });
  await rewriteModelTerms(tx, models, new Map([[brand.id, brand]]));
}

/** Views of models with their brand and body type names, in the given order, in two queries. */
export async function modelViews(tx: TenantTx, models: Model[]): Promise<ModelView[]> {
  if (models.length === 0) return [];
  const brands = new Map((await tx.repository(Brand).find({ where: { id: In([...new Set(models.map((model) => model.brandId))]) } })).map((row) => [row.id, row]));
  const bodyTypes = new Map((await tx.repository(BodyType).find({ where: { id: In([...new Set(models.map((model) => model.bodyTypeId))]) } })).map((row) => [row.id, row]));
  return models.map((model) => toModelView(model, brands.get(model.brandId) as Brand, bodyTypes.get(model.bodyTypeId) as BodyType));
}

/** Models by id with their brand and body type joined in, in one query: viewOf() then needs no more. */
export function modelsWithNames(tx: TenantTx, ids: string[]): Promise<Model[]> {
  return tx.repository(Model).find({ where: { id: In(ids) }, relations: { brand: true, bodyType: true } });
}

/** The view of a model loaded by modelsWithNames. */
export function viewOf(model: Model): ModelView {
  if (model.brand === undefined || model.bodyType === undefined) throw new Error(`viewOf: model ${model.id} was loaded without its brand and body type`);
  return toModelView(model, model.brand, model.bodyType);
}

export async function modelView(tx: TenantTx, id: string): Promise<ModelView> {
  const [view] = await modelViews(tx, [await load(tx, Model, id)]);
  return view;
}
