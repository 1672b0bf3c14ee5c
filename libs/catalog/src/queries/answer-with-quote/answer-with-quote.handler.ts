import { QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ProblemException, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { ModelView } from '../../commands/model.view';
import { ProductCategory } from '../../domain/product-category.entity';
import { QuotePriceError } from '../../domain/quote';
import { QuoteOutcome, quoteAnswerText } from '../../domain/quote-answer';
import { readQuoteIntent } from '../../domain/quote-intent';
import { CalculateQuoteQuery } from '../calculate-quote/calculate-quote.query';
import { QuoteView } from '../calculate-quote/quote.view';
import { AnswerWithQuoteQuery, QuoteAnswer } from './answer-with-quote.query';

/** The quote's 422s for a gap in the price list: the bot says a manager will price it instead of failing. */
const UNPRICED: ReadonlySet<string> = new Set<QuotePriceError['slug']>(['price-missing', 'currency-mismatch']);

/**
 * Reads the message for an active category (see quote-intent.ts), then prices it through
 * CalculateQuoteQuery with the rest of the message as its modelQuery: the same model search and
 * ambiguity rule as the quote API. Inside the caller's unit of work when there is one.
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
    const categories = await tx.repository(ProductCategory).find({ where: { active: true }, select: { tenantId: true, id: true, name: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    const intent = readQuoteIntent(query.text, categories);
    if (intent === null) return null;
    const { category } = intent;
    const product = category.name;
    const answer = (outcome: QuoteOutcome, quote: QuoteView | null = null): QuoteAnswer => ({ text: quoteAnswerText(outcome, query.locale), quote, categoryId: category.id, modelId: quote?.model?.id ?? null });

    let quote: QuoteView;
    try {
      quote = await this.queryBus.execute(new CalculateQuoteQuery(tx.context, { categoryId: category.id, modelQuery: intent.modelText, at: query.at.toISOString() }));
    } catch (error) {
      if (error instanceof ProblemException && UNPRICED.has(error.slug)) return answer({ kind: 'unpriced', product });
      throw error;
    }
    if (quote.match === 'none') return answer({ kind: 'no-model' });
    if (quote.match === 'ambiguous') return answer({ kind: 'ambiguous', candidates: (quote.candidates ?? []).map((candidate) => candidate.model) });
    const model = quote.model as ModelView;
    if (quote.available !== true) return answer({ kind: 'unavailable', product, model, note: quote.note }, quote);
    return answer({ kind: 'quoted', product, model, amountMinor: quote.totalMinor as number, currency: quote.currency as string }, quote);
  }
}
