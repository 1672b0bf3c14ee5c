import { TenantContext, TenantQuery } from '@saler/platform';
import { FaqView } from '../../commands/faq.view';

export class GetFaqQuery extends TenantQuery<FaqView> {
  constructor(
    context: TenantContext,
    readonly faqId: string,
  ) {
    super(context);
  }
}
