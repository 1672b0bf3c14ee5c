import { TenantContext, TenantQuery } from '@saler/platform';
import { OptionPage } from '../../commands/option.view';
import { PageInput } from '../list-page';

export class ListOptionsQuery extends TenantQuery<OptionPage> {
  constructor(
    context: TenantContext,
    readonly page: PageInput,
    readonly categoryId?: string,
  ) {
    super(context);
  }
}
