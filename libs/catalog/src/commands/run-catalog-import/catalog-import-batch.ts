import { In } from 'typeorm';
import { JobRowError, newId, TenantTx } from '@saler/platform';
import { BasePrice } from '../../domain/base-price.entity';
import { BodyType } from '../../domain/body-type.entity';
import { Brand } from '../../domain/brand.entity';
import { ModelRow, PriceRow } from '../../domain/catalog-import-row';
import { ModelPrice } from '../../domain/model-price.entity';
import { Model } from '../../domain/model.entity';
import { cleanAliases, nameKey } from '../../domain/names';
import { OptionPrice } from '../../domain/option-price.entity';
import { decideNewPrice, PricePoint } from '../../domain/price-history';
import { ProductCategory } from '../../domain/product-category.entity';
import { ProductOption } from '../../domain/product-option.entity';
import { insertChunked, rewriteBrandTerms, rewriteModelTerms } from '../catalog-store';

/** A parsed row with the line of the file it came from (for row errors). */
export interface Lined<T> {
  line: number;
  row: T;
}

export interface ModelBatchOutcome {
  brandsCreated: number;
  modelsCreated: number;
  modelsUpdated: number;
  unchanged: number;
  errors: JobRowError[];
}

export interface PriceBatchOutcome {
  pricesCreated: number;
  unchanged: number;
  errors: JobRowError[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const pair = (a: string, b: string) => `${a}\u0000${b}`;

function known(bodyTypes: Map<string, BodyType>): string {
  return [...bodyTypes.values()].map((bodyType) => bodyType.name).join(', ');
}

/**
 * Upserts one batch of model rows by their natural key (brand + model name, case-insensitive):
 * missing brands are created (their aliases merged from the file, never removed), a new model is
 * created, a changed one updated, an identical one left alone, so a second import of the same
 * file changes nothing. Body types must exist.
 */
export async function importModelBatch(tx: TenantTx, rows: Lined<ModelRow>[]): Promise<ModelBatchOutcome> {
  const outcome: ModelBatchOutcome = { brandsCreated: 0, modelsCreated: 0, modelsUpdated: 0, unchanged: 0, errors: [] };
  if (rows.length === 0) return outcome;
  const bodyTypes = new Map((await tx.repository(BodyType).find()).map((bodyType) => [bodyType.nameKey, bodyType]));
  const brandKeys = [...new Set(rows.map(({ row }) => nameKey(row.brand)))];
  const brands = new Map((await tx.repository(Brand).find({ where: { nameKey: In(brandKeys) } })).map((brand) => [brand.nameKey, brand]));
  const newBrands = new Set<Brand>();
  const changedBrands = new Set<Brand>();
  const now = new Date();

  const valid: { line: number; row: ModelRow; brand: Brand; bodyType: BodyType }[] = [];
  for (const { line, row } of rows) {
    const bodyType = bodyTypes.get(nameKey(row.bodyType));
    if (bodyType === undefined) {
      outcome.errors.push({ line, message: `Unknown body type "${row.bodyType}"; the body types are ${known(bodyTypes)} (add it first)` });
      continue;
    }
    let brand = brands.get(nameKey(row.brand));
    if (brand === undefined) {
      brand = { tenantId: tx.tenantId, id: newId(), name: row.brand, nameKey: nameKey(row.brand), aliases: cleanAliases(row.brandAliases, row.brand), createdAt: now, updatedAt: now };
      brands.set(brand.nameKey, brand);
      newBrands.add(brand);
    } else {
      const merged = cleanAliases([...brand.aliases, ...row.brandAliases], brand.name);
      if (!same(merged, brand.aliases)) {
        brand.aliases = merged;
        brand.updatedAt = now;
        if (!newBrands.has(brand)) changedBrands.add(brand);
      }
    }
    valid.push({ line, row, brand, bodyType });
  }
  await insertChunked(tx, Brand, [...newBrands]);
  outcome.brandsCreated = newBrands.size;
  for (const brand of changedBrands) await tx.repository(Brand).update({ id: brand.id }, { aliases: brand.aliases, updatedAt: now });

  const brandIds = [...new Set(valid.map(({ brand }) => brand.id))];
  const modelKeys = [...new Set(valid.map(({ row }) => nameKey(row.model)))];
  const models = new Map<string, Model>();
  if (valid.length > 0) {
    for (const model of await tx.repository(Model).find({ where: { brandId: In(brandIds), nameKey: In(modelKeys) } })) models.set(pair(model.brandId, model.nameKey), model);
  }
  const created = new Map<string, Model>();
  const updated = new Map<string, Model>();
  for (const { row, brand, bodyType } of valid) {
    const key = nameKey(row.model);
    const fields = { name: row.model, aliases: row.aliases, bodyTypeId: bodyType.id, yearFrom: row.yearFrom, yearTo: row.yearTo };
    const existing = models.get(pair(brand.id, key));
    if (existing === undefined) {
      const model: Model = { tenantId: tx.tenantId, id: newId(), brandId: brand.id, nameKey: key, ...fields, createdAt: now, updatedAt: now };
      models.set(pair(brand.id, key), model);
      created.set(model.id, model);
    } else if (same({ name: existing.name, aliases: existing.aliases, bodyTypeId: existing.bodyTypeId, yearFrom: existing.yearFrom, yearTo: existing.yearTo }, fields)) {
      outcome.unchanged += 1;
    } else {
      Object.assign(existing, fields, { updatedAt: now });
      if (!created.has(existing.id)) updated.set(existing.id, existing);
    }
  }
  await insertChunked(tx, Model, [...created.values()]);
  for (const model of updated.values()) {
    await tx.repository(Model).update({ id: model.id }, { name: model.name, aliases: model.aliases, bodyTypeId: model.bodyTypeId, yearFrom: model.yearFrom, yearTo: model.yearTo, updatedAt: now });
  }
  outcome.modelsCreated = created.size;
  outcome.modelsUpdated = updated.size;

  // Search terms: every model of a brand whose aliases changed, and each other new or changed model.
  for (const brand of changedBrands) await rewriteBrandTerms(tx, brand);
  const rewrite = [...created.values(), ...updated.values()].filter((model) => ![...changedBrands].some((brand) => brand.id === model.brandId));
  await rewriteModelTerms(tx, rewrite, new Map([...brands.values()].map((brand) => [brand.id, brand])));
  return outcome;
}

type PriceTable = typeof BasePrice | typeof ModelPrice | typeof OptionPrice;

interface ResolvedPrice {
  line: number;
  table: PriceTable;
  /** The key's columns ({ categoryId, bodyTypeId } …) and its identity in the history map. */
  key: Record<string, string>;
  id: string;
  point: PricePoint;
  implicit: boolean;
}

/**
 * Adds one batch of price rows, never changing a price: a row equal to one that exists (same key,
 * validFrom, amount and currency) is unchanged, so importing a file again changes nothing; a row
 * without validFrom starts at `requestedAt` (the upload time) unless the price in force then is the
 * same. Other rows follow decideNewPrice: no second price at one start, no start in the past once a
 * key has prices.
 */
export async function importPriceBatch(tx: TenantTx, rows: Lined<PriceRow>[], requestedAt: Date): Promise<PriceBatchOutcome> {
  const outcome: PriceBatchOutcome = { pricesCreated: 0, unchanged: 0, errors: [] };
  if (rows.length === 0) return outcome;
  const categories = new Map((await tx.repository(ProductCategory).find({ where: { nameKey: In([...new Set(rows.map(({ row }) => nameKey(row.category)))]) } })).map((row) => [row.nameKey, row]));
  const bodyTypes = new Map((await tx.repository(BodyType).find()).map((row) => [row.nameKey, row]));
  const categoryIds = [...categories.values()].map((category) => category.id);
  const optionKeys = [...new Set(rows.flatMap(({ row }) => (row.kind === 'option' ? [nameKey(row.option)] : [])))];
  const options = new Map<string, ProductOption>();
  if (optionKeys.length > 0 && categoryIds.length > 0) {
    for (const option of await tx.repository(ProductOption).find({ where: { categoryId: In(categoryIds), nameKey: In(optionKeys) } })) options.set(pair(option.categoryId, option.nameKey), option);
  }
  const brandKeys = [...new Set(rows.flatMap(({ row }) => (row.kind === 'model' ? [nameKey(row.brand)] : [])))];
  const brands = new Map(brandKeys.length > 0 ? (await tx.repository(Brand).find({ where: { nameKey: In(brandKeys) } })).map((row) => [row.nameKey, row]) : []);
  const models = new Map<string, Model>();
  const modelKeys = [...new Set(rows.flatMap(({ row }) => (row.kind === 'model' ? [nameKey(row.model)] : [])))];
  if (brands.size > 0 && modelKeys.length > 0) {
    const brandIds = [...brands.values()].map((brand) => brand.id);
    for (const model of await tx.repository(Model).find({ where: { brandId: In(brandIds), nameKey: In(modelKeys) } })) models.set(pair(model.brandId, model.nameKey), model);
  }

  const resolved: ResolvedPrice[] = [];
  for (const { line, row } of rows) {
    const category = categories.get(nameKey(row.category));
    if (category === undefined) {
      outcome.errors.push({ line, message: `Unknown category "${row.category}"` });
      continue;
    }
    const point = { amountMinor: row.amountMinor, currency: row.currency, validFrom: row.validFrom ?? requestedAt };
    const common = { line, point, implicit: row.validFrom === null };
    if (row.kind === 'base') {
      const bodyType = bodyTypes.get(nameKey(row.bodyType));
      if (bodyType === undefined) outcome.errors.push({ line, message: `Unknown body type "${row.bodyType}"; the body types are ${known(bodyTypes)}` });
      else resolved.push({ ...common, table: BasePrice, key: { categoryId: category.id, bodyTypeId: bodyType.id }, id: pair(category.id, bodyType.id) });
    } else if (row.kind === 'option') {
      const option = options.get(pair(category.id, nameKey(row.option)));
      if (option === undefined) outcome.errors.push({ line, message: `Unknown option "${row.option}" in the category ${category.name}` });
      else resolved.push({ ...common, table: OptionPrice, key: { optionId: option.id }, id: option.id });
    } else {
      const brand = brands.get(nameKey(row.brand));
      const model = brand !== undefined ? models.get(pair(brand.id, nameKey(row.model))) : undefined;
      if (model === undefined) outcome.errors.push({ line, message: `Unknown model "${row.brand} ${row.model}"` });
      else resolved.push({ ...common, table: ModelPrice, key: { modelId: model.id, categoryId: category.id }, id: pair(model.id, category.id) });
    }
  }

  // The history of every key the batch touches, in three queries.
  const history = new Map<string, PricePoint[]>();
  const remember = (id: string, point: PricePoint) => history.set(id, [...(history.get(id) ?? []), point]);
  const of = (table: PriceTable) => resolved.filter((price) => price.table === table);
  const ids = (table: PriceTable, column: string) => [...new Set(of(table).map((price) => price.key[column]))];
  if (of(BasePrice).length > 0) {
    for (const row of await tx.repository(BasePrice).find({ where: { categoryId: In(ids(BasePrice, 'categoryId')), bodyTypeId: In(ids(BasePrice, 'bodyTypeId')) } })) remember(pair(row.categoryId, row.bodyTypeId), row);
  }
  if (of(OptionPrice).length > 0) for (const row of await tx.repository(OptionPrice).find({ where: { optionId: In(ids(OptionPrice, 'optionId')) } })) remember(row.optionId, row);
  if (of(ModelPrice).length > 0) {
    for (const row of await tx.repository(ModelPrice).find({ where: { modelId: In(ids(ModelPrice, 'modelId')), categoryId: In(ids(ModelPrice, 'categoryId')) } })) remember(pair(row.modelId, row.categoryId), row);
  }

  const inserts = new Map<PriceTable, Record<string, unknown>[]>([
    [BasePrice, []],
    [ModelPrice, []],
    [OptionPrice, []],
  ]);
  for (const price of resolved) {
    const decision = decideNewPrice(history.get(price.id) ?? [], price.point, requestedAt, price.implicit);
    if (decision.kind === 'refuse') {
      outcome.errors.push({ line: price.line, message: decision.reason });
    } else if (decision.kind === 'unchanged') {
      outcome.unchanged += 1;
    } else {
      remember(price.id, price.point);
      inserts.get(price.table)?.push({ id: newId(), ...price.key, ...price.point, createdAt: new Date() });
      outcome.pricesCreated += 1;
    }
  }
  await insertChunked(tx, BasePrice, inserts.get(BasePrice) as Partial<BasePrice>[]);
  await insertChunked(tx, ModelPrice, inserts.get(ModelPrice) as Partial<ModelPrice>[]);
  await insertChunked(tx, OptionPrice, inserts.get(OptionPrice) as Partial<OptionPrice>[]);
  return outcome;
}
