import { TenantCommand, TenantContext } from '@saler/platform';
import { OptionPriceView } from '../price.view';
import { AddOptionPriceRequest } from './add-option-price.request';

export class AddOptionPriceCommand extends TenantCommand<OptionPriceView> {
  constructor(
    context: TenantContext,
    readonly input: AddOptionPriceRequest,
  ) {
    super(context);
  }
}
