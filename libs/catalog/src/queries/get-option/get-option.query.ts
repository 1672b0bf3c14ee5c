import { TenantContext, TenantQuery } from '@saler/platform';
import { OptionView } from '../../commands/option.view';

export class GetOptionQuery extends TenantQuery<OptionView> {
  constructor(
    context: TenantContext,
    readonly optionId: string,
  ) {
    super(context);
  }
}
