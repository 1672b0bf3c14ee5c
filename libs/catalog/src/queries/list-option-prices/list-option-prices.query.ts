import { TenantContext, TenantQuery } from '@saler/platform';
import { OptionPricePage } from '../../commands/price.view';
import { PageInput } from '../list-page';

/** Every option price row (the history too), newest first. */
export class ListOptionPricesQuery extends TenantQuery<OptionPricePage> {
  constructor(
    context: TenantContext,
    readonly page: PageInput,
    readonly optionId?: string,
  ) {
    super(context);
  }
}
