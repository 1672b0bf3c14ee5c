import { HttpStatus } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import { ProblemException, TenantQueryHandler, TenantTx } from '@saler/platform';
import { unknownReference } from '../../commands/catalog-store';
import { parseValidFrom } from '../../domain/catalog-import-row';
import { fieldProblem } from '../../domain/catalog-problems';
import { Model } from '../../domain/model.entity';
import { CatalogValueError } from '../../domain/money';
import { OptionPrice } from '../../domain/option-price.entity';
import { ProductCategory } from '../../domain/product-category.entity';
import { chooseModel, ModelChoice, PriceKind, PriceRowRef, priceQuote, QuotePart, QuotePriceError } from '../../domain/quote';
import { ModelHit, modelHitById, searchModels } from '../search-models/model-search';
import { CalculateQuoteQuery } from './calculate-quote.query';
import { QuoteView } from './quote.view';

/** How many search results a modelQuery weighs (and at most how many candidates an ambiguous answer lists). */
const QUERY_RESULTS = 10;
const CANDIDATES = 5;

const round = (score: number) => Math.round(score * 10_000) / 10_000;

type QuotedModel = Pick<ModelHit, 'modelId' | 'bodyTypeId' | 'view'>;

/** What a quote reads once its model is chosen (see readQuote). */
interface QuoteFacts {
  category: { id: string; name: string; active: boolean };
  /** Those of the options asked for that belong to the category. */
  options: { id: string; name: string }[];
  /** The rest only when a model was chosen: its availability mark for the category (null when it has none, which means available)… */
  mark: { available: boolean; note: string | null } | null;
  /** …its own price of the category and its body type's base price valid at `at`… */
  own: PriceRowRef | null;
  base: PriceRowRef | null;
  /** …and the options' prices valid at `at`, by option id. */
  optionPrices: Map<string, PriceRowRef>;
}

/** A row of readQuote, in the columns its kinds share. */
interface FactRow {
  kind: 'category' | 'option' | 'mark' | `${PriceKind} price`;
  /** What a price is of: the model, the body type or the option. */
  of: string;
  id: string;
  /** The category's or the option's name, the mark's note. */
  label: string | null;
  /** Whether the category is active, the mark available. */
  flag: unknown;
  amountMinor: unknown;
  currency: string | null;
  validFrom: unknown;
}

const NO_PRICE = 'CAST(NULL AS bigint), CAST(NULL AS varchar), CAST(NULL AS timestamptz)';

/** The rows of a price table valid at :at among those `where` picks: per key (its `key` columns, what the price is of first), the one with the latest validFrom at or before :at (validFrom is unique per key). */
const validAt = (kind: PriceKind, table: string, key: string[], where: string) =>
  `SELECT '${kind} price', p.${key[0]}, p.id, CAST(NULL AS varchar), CAST(NULL AS boolean), p.amount_minor, p.currency, p.valid_from FROM ${table} p
    WHERE p.tenant_id = :tenantId AND ${where}
      AND p.valid_from = (SELECT max(v.valid_from) FROM ${table} v WHERE v.tenant_id = p.tenant_id AND ${key.map((column) => `v.${column} = p.${column}`).join(' AND ')} AND v.valid_from <= :at)`;

/**
 * Everything a quote reads once its model is chosen, in one statement on both drivers: single-table
 * SELECTs put together by UNION ALL (the first names the columns) and read without an entity mapping.
 * PostgreSQL plans each SELECT alone: planning one join of these tables took longer than running it.
 * A prepared statement (tx.prepared): planning even these took longer than running them (0.7 of
 * 1.1 ms), and the text comes in few shapes (with or without a model, up to 20 options).
 * Null when the tenant has no such category.
 */
async function readQuote(tx: TenantTx, categoryId: string, optionIds: string[], model: QuotedModel | undefined, at: Date): Promise<QuoteFacts | null> {
  const asked = optionIds.length > 0;
  const statement = [
    `SELECT 'category' AS kind, c.id AS "of", c.id, c.name AS label, c.active AS flag, CAST(NULL AS bigint) AS "amountMinor", CAST(NULL AS varchar) AS currency, CAST(NULL AS timestamptz) AS "validFrom"
       FROM catalog_categories c WHERE c.tenant_id = :tenantId AND c.id = :categoryId`,
    ...(asked ? [`SELECT 'option', o.id, o.id, o.name, CAST(NULL AS boolean), ${NO_PRICE} FROM catalog_options o WHERE o.tenant_id = :tenantId AND o.category_id = :categoryId AND o.id IN (:...optionIds)`] : []),
    ...(model === undefined
      ? []
      : [
          `SELECT 'mark', a.model_id, a.id, a.note, a.available, ${NO_PRICE} FROM catalog_availability a WHERE a.tenant_id = :tenantId AND a.model_id = :modelId AND a.category_id = :categoryId`,
          validAt('model', 'catalog_model_prices', ['model_id', 'category_id'], 'p.model_id = :modelId AND p.category_id = :categoryId'),
          validAt('base', 'catalog_base_prices', ['body_type_id', 'category_id'], 'p.category_id = :categoryId AND p.body_type_id = :bodyTypeId'),
          ...(asked ? [validAt('option', 'catalog_option_prices', ['option_id'], 'p.option_id IN (:...optionIds)')] : []),
        ]),
  ].join(' UNION ALL ');
  const { connection } = tx.manager;
  const [sql, parameters] = connection.driver.escapeQueryWithParameters(statement, { tenantId: tx.tenantId, categoryId, optionIds, modelId: model?.modelId, bodyTypeId: model?.bodyTypeId, at });
  const rows = await tx.prepared<FactRow>(sql, parameters);
  const category = rows.find((row) => row.kind === 'category');
  if (category === undefined) return null;
  // The drivers return booleans, bigint and timestamps differently (SQLite: 0/1, number and UTC text): read them as the entities' columns do.
  const asColumn = <T>(target: new () => object, property: string) => {
    const column = connection.getMetadata(target).findColumnWithPropertyName(property);
    if (column === undefined) throw new Error(`readQuote: no column ${property}`);
    return (value: unknown) => connection.driver.prepareHydratedValue(value, column) as T;
  };
  const [flag, amountMinor, validFrom] = [asColumn<boolean>(ProductCategory, 'active'), asColumn<number>(OptionPrice, 'amountMinor'), asColumn<Date>(OptionPrice, 'validFrom')];
  const price = (row: FactRow): PriceRowRef => ({ id: row.id, amountMinor: amountMinor(row.amountMinor), currency: row.currency as string, validFrom: validFrom(row.validFrom) });
  const ofKind = (kind: FactRow['kind']) => rows.filter((row) => row.kind === kind);
  const [[mark], [own], [base]] = [ofKind('mark'), ofKind('model price'), ofKind('base price')];
  return {
    category: { id: category.id, name: category.label as string, active: flag(category.flag) },
    options: ofKind('option').map((row) => ({ id: row.id, name: row.label as string })),
    mark: mark === undefined ? null : { available: flag(mark.flag), note: mark.label },
    own: own === undefined ? null : price(own),
    base: base === undefined ? null : price(base),
    optionPrices: new Map(ofKind('option price').map((row) => [row.of, price(row)])),
  };
}

function readAt(at: string | undefined): Date {
  if (at === undefined) return new Date();
  try {
    return parseValidFrom(at);
  } catch (error) {
    if (error instanceof CatalogValueError) throw fieldProblem('at', `at "${at}" is not a date (YYYY-MM-DD) or a date-time with a time zone`);
    throw error;
  }
}

/** The options asked for, in their order; each must be an option of the category (400 naming its index otherwise). */
function optionsOf(facts: QuoteFacts, ids: string[]): QuoteFacts['options'] {
  if (new Set(ids).size !== ids.length) throw fieldProblem('optionIds', 'optionIds must not repeat an option');
  const found = new Map(facts.options.map((option) => [option.id, option]));
  return ids.map((id, index) => {
    const option = found.get(id);
    if (option === undefined) throw fieldProblem(`optionIds[${index}]`, `No option ${id} in the category ${facts.category.name}`);
    return option;
  });
}

/**
 * Resolves the model (by id, or by search with an ambiguity check), then reads the rest in one
 * statement (readQuote): the category, the options, availability, and the prices valid at `at`: the
 * model's own price of the category if it has one, else its body type's base price, plus each
 * option's add-on. A request is checked in this order: categoryId, optionIds, modelId.
 */
@QueryHandler(CalculateQuoteQuery)
export class CalculateQuoteHandler extends TenantQueryHandler<CalculateQuoteQuery, QuoteView> {
  protected async handle(query: CalculateQuoteQuery, tx: TenantTx): Promise<QuoteView> {
    const { input } = query;
    if ((input.modelId === undefined) === (input.modelQuery === undefined)) throw fieldProblem('modelId', 'Send either modelId or modelQuery, not both or neither');
    const at = readAt(input.at);
    let model: QuotedModel | undefined;
    let choice: ModelChoice<ModelHit> | undefined;
    if (input.modelId !== undefined) {
      model = await modelHitById(tx, input.modelId);
    } else {
      const { hits, year } = await searchModels(tx, input.modelQuery as string, QUERY_RESULTS);
      choice = chooseModel(hits, year, CANDIDATES);
      if (choice.kind === 'match') model = choice.model;
    }
    const optionIds = input.optionIds ?? [];
    const facts = await readQuote(tx, input.categoryId, optionIds, model, at);
    if (facts === null) throw unknownReference(ProductCategory, 'categoryId');
    const { category } = facts;
    const options = optionsOf(facts, optionIds);
    const unpriced = { category: { id: category.id, name: category.name }, lines: [], totalMinor: null, currency: null, priceValidFrom: null, at: at.toISOString() };

    if (choice !== undefined && choice.kind !== 'match') {
      const candidates = choice.kind === 'ambiguous' ? choice.candidates : [];
      return { match: choice.kind, model: null, available: null, ...unpriced, candidates: candidates.map((hit) => ({ model: hit.view, score: round(hit.score) })) };
    }
    if (model === undefined) throw unknownReference(Model, 'modelId');
    const match: QuoteView['match'] = choice === undefined ? 'id' : 'search';
    const { view } = model;

    if (!category.active) return { match, model: view, available: false, note: `${category.name} is not offered at the moment`, ...unpriced };
    const { mark } = facts;
    const note = mark?.note ?? undefined;
    if (mark !== null && !mark.available) return { match, model: view, available: false, ...(note !== undefined ? { note } : {}), ...unpriced };

    const product = `${category.name} for ${view.brand.name} ${view.name}`;
    const parts: QuotePart[] = [
      facts.own !== null ? { kind: 'model', label: product, field: 'categoryId', price: facts.own } : { kind: 'base', label: `${product} (${view.bodyType.name})`, field: 'categoryId', price: facts.base },
      ...options.map((option, index): QuotePart => ({ kind: 'option', label: option.name, field: `optionIds[${index}]`, price: facts.optionPrices.get(option.id) ?? null })),
    ];
    try {
      const priced = priceQuote(parts, at);
      return {
        match,
        model: view,
        category: unpriced.category,
        available: true,
        ...(note !== undefined ? { note } : {}),
        lines: priced.lines.map((line) => ({ label: line.label, amountMinor: line.amountMinor, kind: line.kind, priceId: line.priceId, validFrom: line.validFrom.toISOString() })),
        totalMinor: priced.totalMinor,
        currency: priced.currency,
        priceValidFrom: priced.priceValidFrom.toISOString(),
        at: unpriced.at,
      };
    } catch (error) {
      if (!(error instanceof QuotePriceError)) throw error;
      const errors = error.missing.map((part) => ({ field: part.field, message: `No price valid at ${at.toISOString()} for ${part.label}` }));
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, error.slug, error.message, {
        ...(errors.length > 0 ? { errors, missing: error.missing.map((part) => ({ kind: part.kind, label: part.label, field: part.field })) } : {}),
      });
    }
  }
}
