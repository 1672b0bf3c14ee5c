import { TenantCommand, TenantContext } from '@saler/platform';
import { BrandView } from '../brand.view';
import { CreateBrandRequest } from './create-brand.request';

export class CreateBrandCommand extends TenantCommand<BrandView> {
  constructor(
    context: TenantContext,
    readonly input: CreateBrandRequest,
  ) {
    super(context);
  }
}
