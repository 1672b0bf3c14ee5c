import { TenantContext, TenantQuery } from '@saler/platform';
import { ModelPricePage } from '../../commands/price.view';
import { PageInput } from '../list-page';

/** Every per-model price row (the history too), newest first. */
export class ListModelPricesQuery extends TenantQuery<ModelPricePage> {
  constructor(
    context: TenantContext,
    readonly page: PageInput,
    readonly filters: { modelId?: string; categoryId?: string } = {},
  ) {
    super(context);
  }
}
