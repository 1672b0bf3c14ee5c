import { TenantCommand, TenantContext } from '@saler/platform';
import { BasePriceView } from '../price.view';
import { AddBasePriceRequest } from './add-base-price.request';

export class AddBasePriceCommand extends TenantCommand<BasePriceView> {
  constructor(
    context: TenantContext,
    readonly input: AddBasePriceRequest,
  ) {
    super(context);
  }
}
