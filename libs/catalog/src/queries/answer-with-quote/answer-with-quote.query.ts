import { TenantContext, TenantQuery } from '@saler/platform';
import type { QuoteView } from '../calculate-quote/quote.view';

export interface QuoteAnswer {
  /** The reply for the customer: the priced product for the model, or a question naming the candidates. */
  text: string;
  /** The quote behind it (null when the model was ambiguous and the answer asks which one). */
  quote: QuoteView | null;
  /** How the catalogue read the message: the category and model it recognised. */
  categoryId: string;
  modelId: string | null;
}

/**
 * For the bot pipeline: whether a customer's message asks for a price of something in the
 * catalogue ("how much are seat covers for a Camry 2019?"), and if so the answer. Null when the
 * message names no catalogue category.
 */
export class AnswerWithQuoteQuery extends TenantQuery<QuoteAnswer | null> {
  constructor(
    context: TenantContext,
    readonly text: string,
    readonly locale: string,
    readonly at: Date,
  ) {
    super(context);
  }
}
