import { QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ProblemException, TenantQueryHandler, TenantTx, UnitOfWork, ValidationProblem } from '@saler/platform';
import { modelView } from '../../commands/catalog-store';
import { ModelView } from '../../commands/model.view';
import { ProductCategory } from '../../domain/product-category.entity';
import { chooseModel, QuotePriceError } from '../../domain/quote';
import { ANSWER_CANDIDATES, QuoteOutcome, quoteTextValues } from '../../domain/quote-answer';
import { readQuoteIntent } from '../../domain/quote-intent';
import { CalculateQuoteQuery } from '../calculate-quote/calculate-quote.query';
import { QuoteView } from '../calculate-quote/quote.view';
import { searchModels } from '../search-models/model-search';
import { AnswerWithQuoteQuery, QuoteAnswer, QuoteDraft } from './answer-with-quote.query';

/** The quote's 422s for a gap in the price list: the bot says a manager will price it instead of failing. */
const UNPRICED: ReadonlySet<string> = new Set<QuotePriceError['slug']>(['price-missing', 'currency-mismatch']);
/** How many search results the model text is weighed against. */
const SEARCH_RESULTS = 10;

type Category = Pick<ProductCategory, 'id' | 'name'>;
type ModelRead = { kind: 'model'; id: string } | { kind: 'ambiguous'; candidates: ModelView[] } | { kind: 'none' };

/**
 * Reads the message (see quote-intent.ts) for the product (an active category) and the car (the
 * rest of the words, through the same model search and ambiguity rule as the quote API), fills in
 * what the conversation's draft already settled, and then prices the pair through
 * CalculateQuoteQuery, or asks for what is missing. Inside the caller's unit of work when there is one.
 */
@QueryHandler(AnswerWithQuoteQuery)
export class AnswerWithQuoteHandler extends TenantQueryHandler<AnswerWithQuoteQuery, QuoteAnswer | null> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: AnswerWithQuoteQuery, tx: TenantTx): Promise<QuoteAnswer | null> {
    const { draft } = query;
    const categories: Category[] = await tx.repository(ProductCategory).find({ where: { active: true }, select: { tenantId: true, id: true, name: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (categories.length === 0) return null;
    const intent = readQuoteIntent(query.text, categories, query.priceKeywords);
    if (intent.category === null && !intent.asksPrice && draft === null) return null;
    const read = await this.readModel(tx, intent.modelText);
    // Without a price phrase or a product, a message only continues a draft when it names a car.
    if (intent.category === null && !intent.asksPrice && read.kind === 'none') return null;
    const category = intent.category ?? categories.find((candidate) => candidate.id === draft?.categoryId) ?? null;
    const modelId = read.kind === 'model' ? read.id : read.kind === 'none' ? (draft?.modelId ?? null) : null;
    const answer = (outcome: QuoteOutcome, next: QuoteDraft | null, quote: QuoteView | null = null): QuoteAnswer => ({
      kind: outcome.kind,
      values: quoteTextValues(outcome, query.locale),
      quote,
      categoryId: category?.id ?? null,
      modelId: outcome.kind === 'ask_which' || outcome.kind === 'ask_model' ? null : modelId,
      draft: next,
    });

    if (read.kind === 'ambiguous') return answer({ kind: 'ask_which', candidates: read.candidates }, { categoryId: category?.id ?? null, modelId: null });
    if (category === null) return answer({ kind: 'ask_product', products: categories.map((candidate) => candidate.name) }, { categoryId: null, modelId });
    const askModel = () => answer({ kind: 'ask_model', product: category.name }, { categoryId: category.id, modelId: null });
    if (modelId === null) return askModel();
    const product = category.name;
    let quote: QuoteView;
    try {
      quote = await this.queryBus.execute(new CalculateQuoteQuery(tx.context, { categoryId: category.id, modelId, at: query.at.toISOString() }));
    } catch (error) {
      // The draft's model was deleted since: ask for the car again.
      if (error instanceof ValidationProblem && read.kind === 'none') return askModel();
      if (error instanceof ProblemException && UNPRICED.has(error.slug)) return answer({ kind: 'unpriced', product, model: await modelView(tx, modelId) }, null);
      throw error;
    }
    const model = quote.model as ModelView;
    if (quote.available !== true) return answer({ kind: 'unavailable', product, model, note: quote.note }, null, quote);
    return answer({ kind: 'quoted', product, model, amountMinor: quote.totalMinor as number, currency: quote.currency as string }, null, quote);
  }

  /** The car the words name: one model, several close ones, or none (no words, or nothing similar). */
  private async readModel(tx: TenantTx, text: string): Promise<ModelRead> {
    if (text === '') return { kind: 'none' };
    const { hits, year } = await searchModels(tx, text, SEARCH_RESULTS);
    const choice = chooseModel(hits, year, ANSWER_CANDIDATES);
    if (choice.kind === 'match') return { kind: 'model', id: choice.model.modelId };
    if (choice.kind === 'ambiguous') return { kind: 'ambiguous', candidates: choice.candidates.map((hit) => hit.view) };
    return { kind: 'none' };
  }
}
