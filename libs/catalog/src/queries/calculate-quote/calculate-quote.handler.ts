import { HttpStatus } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import { FindOptionsWhere, In, LessThanOrEqual } from 'typeorm';
import { ProblemException, TenantQueryHandler, TenantTx } from '@saler/platform';
import { reference, referenceModel, viewOf } from '../../commands/catalog-store';
import { Availability } from '../../domain/availability.entity';
import { BasePrice } from '../../domain/base-price.entity';
import { parseValidFrom } from '../../domain/catalog-import-row';
import { fieldProblem } from '../../domain/catalog-problems';
import { ModelPrice } from '../../domain/model-price.entity';
import { CatalogValueError } from '../../domain/money';
import { OptionPrice } from '../../domain/option-price.entity';
import { ProductCategory } from '../../domain/product-category.entity';
import { ProductOption } from '../../domain/product-option.entity';
import { chooseModel, priceQuote, QuotePart, QuotePriceError } from '../../domain/quote';
import { ModelHit, searchModels } from '../search-models/model-search';
import { CalculateQuoteQuery } from './calculate-quote.query';
import { QuoteView } from './quote.view';

/** How many search results a modelQuery weighs (and at most how many candidates an ambiguous answer lists). */
const QUERY_RESULTS = 10;
const CANDIDATES = 5;

const round = (score: number) => Math.round(score * 10_000) / 10_000;

/** The row of a price key valid at `at`: the latest validFrom at or before it. */
function priceAt<E extends BasePrice | ModelPrice | OptionPrice>(tx: TenantTx, target: new () => E, key: FindOptionsWhere<E>, at: Date): Promise<E | null> {
  return tx
    .repository(target)
    .find({ where: { ...key, validFrom: LessThanOrEqual(at) } as FindOptionsWhere<E>, order: { validFrom: 'DESC' } as never, take: 1 })
    .then((rows) => rows[0] ?? null);
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
async function optionsOf(tx: TenantTx, category: ProductCategory, ids: string[]): Promise<ProductOption[]> {
  if (new Set(ids).size !== ids.length) throw fieldProblem('optionIds', 'optionIds must not repeat an option');
  if (ids.length === 0) return [];
  const found = new Map((await tx.repository(ProductOption).find({ where: { id: In(ids), categoryId: category.id } })).map((option) => [option.id, option]));
  return ids.map((id, index) => {
    const option = found.get(id);
    if (option === undefined) throw fieldProblem(`optionIds[${index}]`, `No option ${id} in the category ${category.name}`);
    return option;
  });
}

/**
 * Resolves the model (by id, or by search with an ambiguity check), then availability, then the
 * prices valid at `at`: the model's own price of the category if it has one, else its body type's
 * base price, plus each option's add-on.
 */
@QueryHandler(CalculateQuoteQuery)
export class CalculateQuoteHandler extends TenantQueryHandler<CalculateQuoteQuery, QuoteView> {
  protected async handle(query: CalculateQuoteQuery, tx: TenantTx): Promise<QuoteView> {
    const { input } = query;
    if ((input.modelId === undefined) === (input.modelQuery === undefined)) throw fieldProblem('modelId', 'Send either modelId or modelQuery, not both or neither');
    const at = readAt(input.at);
    const category = await reference(tx, ProductCategory, input.categoryId, 'categoryId');
    const options = await optionsOf(tx, category, input.optionIds ?? []);
    const unpriced = { category: { id: category.id, name: category.name }, lines: [], totalMinor: null, currency: null, priceValidFrom: null, at: at.toISOString() };

    let model: Pick<ModelHit, 'modelId' | 'bodyTypeId' | 'view'>;
    let match: QuoteView['match'] = 'id';
    if (input.modelId !== undefined) {
      const found = await referenceModel(tx, input.modelId, 'modelId');
      model = { modelId: found.id, bodyTypeId: found.bodyTypeId, view: viewOf(found) };
    } else {
      const { hits, year } = await searchModels(tx, input.modelQuery as string, QUERY_RESULTS);
      const choice = chooseModel(hits, year, CANDIDATES);
      if (choice.kind !== 'match') {
        const candidates = choice.kind === 'ambiguous' ? choice.candidates : [];
        return { match: choice.kind, model: null, available: null, ...unpriced, candidates: candidates.map((hit) => ({ model: hit.view, score: round(hit.score) })) };
      }
      model = choice.model;
      match = 'search';
    }
    const { view } = model;

    if (!category.active) return { match, model: view, available: false, note: `${category.name} is not offered at the moment`, ...unpriced };
    const mark = await tx.repository(Availability).findOne({ modelId: model.modelId, categoryId: category.id });
    const note = mark?.note ?? undefined;
    if (mark !== null && !mark.available) return { match, model: view, available: false, ...(note !== undefined ? { note } : {}), ...unpriced };

    const own = await priceAt(tx, ModelPrice, { modelId: model.modelId, categoryId: category.id }, at);
    const product = `${category.name} for ${view.brand.name} ${view.name}`;
    const parts: QuotePart[] = [
      own !== null
        ? { kind: 'model', label: product, field: 'categoryId', price: own }
        : { kind: 'base', label: `${product} (${view.bodyType.name})`, field: 'categoryId', price: await priceAt(tx, BasePrice, { categoryId: category.id, bodyTypeId: model.bodyTypeId }, at) },
    ];
    for (const [index, option] of options.entries()) {
      parts.push({ kind: 'option', label: option.name, field: `optionIds[${index}]`, price: await priceAt(tx, OptionPrice, { optionId: option.id }, at) });
    }
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
