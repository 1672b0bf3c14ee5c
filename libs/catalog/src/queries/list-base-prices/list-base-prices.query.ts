import { TenantContext, TenantQuery } from '@saler/platform';
import { BasePricePage } from '../../commands/price.view';
import { PageInput } from '../list-page';

/** Every base price row (the history too), newest first. */
export class ListBasePricesQuery extends TenantQuery<BasePricePage> {
  constructor(
    context: TenantContext,
    readonly page: PageInput,
    readonly filters: { categoryId?: string; bodyTypeId?: string } = {},
  ) {
    super(context);
  }
}
