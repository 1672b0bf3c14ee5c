import { TenantContext, TenantQuery } from '@saler/platform';
import { FaqMatchResult } from './faq-match.view';

export class MatchFaqsQuery extends TenantQuery<FaqMatchResult> {
  constructor(
    context: TenantContext,
    readonly q: string,
    readonly locale?: string,
    readonly limit = 5,
  ) {
    super(context);
  }
}
