import { TenantContext, TenantQuery } from '@saler/platform';
import { FaqPage } from '../../commands/faq.view';
import { FaqStatus } from '../../domain/faq.entity';

export interface FaqFilters {
  status?: FaqStatus;
  category?: string;
  locale?: string;
  q?: string;
}

export class ListFaqsQuery extends TenantQuery<FaqPage> {
  constructor(
    context: TenantContext,
    readonly page: { limit: number; cursor?: string },
    readonly filters: FaqFilters,
  ) {
    super(context);
  }
}
