import { TenantContext, TenantQuery } from '@saler/platform';
import type { QuoteOutcomeKind } from '../../domain/quote-answer';
import type { QuoteView } from '../calculate-quote/quote.view';

/** What a price conversation has settled so far: the product, the car, or (after "which one?") neither yet. */
export interface QuoteDraft {
  categoryId: string | null;
  modelId: string | null;
}

export interface QuoteAnswer {
  /** quoted, unavailable or unpriced; or a question: ask_model, ask_which (several models match), ask_product. */
  kind: QuoteOutcomeKind;
  /** The placeholders of the bot text for this outcome (`{product}`, `{model}`, `{price}`, …), formatted for the locale. */
  values: Record<string, string>;
  /** The quote behind a priced or unavailable answer; null for a question. */
  quote: QuoteView | null;
  /** What the answer is about: the category and the model, as far as known. */
  categoryId: string | null;
  modelId: string | null;
  /** What to remember for the customer's next message when the answer is a question; null once the quote is complete. */
  draft: QuoteDraft | null;
}

/**
 * For the bot pipeline: whether a customer's message is about a price in the catalogue ("how much
 * are seat covers for a Camry 2019?"), and if so the answer. The message may complete a draft the
 * bot asked about before ("camry" after "which car is it for?"). Null when the message asks for no
 * price, names no product, and completes no draft.
 */
export class AnswerWithQuoteQuery extends TenantQuery<QuoteAnswer | null> {
  constructor(
    context: TenantContext,
    readonly text: string,
    readonly locale: string,
    /** The tenant's phrases that ask for a price, in the customer's language (bot settings). */
    readonly priceKeywords: readonly string[],
    /** What the conversation had settled before this message, or null. */
    readonly draft: QuoteDraft | null,
    readonly at: Date,
  ) {
    super(context);
  }
}
