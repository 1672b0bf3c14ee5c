import { TenantContext, TenantQuery } from '@saler/platform';
import { CalculateQuoteRequest } from './calculate-quote.request';
import { QuoteView } from './quote.view';

/** Prices a category's product (and options) for a model, as at `at`: reads only, writes nothing. */
export class CalculateQuoteQuery extends TenantQuery<QuoteView> {
  constructor(
    context: TenantContext,
    readonly input: CalculateQuoteRequest,
  ) {
    super(context);
  }
}
