import { TenantContext, TenantQuery } from '@saler/platform';
import { ModelSearchResult } from './model-search.view';

export class SearchModelsQuery extends TenantQuery<ModelSearchResult> {
  constructor(
    context: TenantContext,
    readonly q: string,
    readonly limit = 10,
  ) {
    super(context);
  }
}
