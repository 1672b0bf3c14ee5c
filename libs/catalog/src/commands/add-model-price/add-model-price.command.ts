import { TenantCommand, TenantContext } from '@saler/platform';
import { ModelPriceView } from '../price.view';
import { AddModelPriceRequest } from './add-model-price.request';

export class AddModelPriceCommand extends TenantCommand<ModelPriceView> {
  constructor(
    context: TenantContext,
    readonly input: AddModelPriceRequest,
  ) {
    super(context);
  }
}
