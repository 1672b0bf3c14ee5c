import { TenantCommand, TenantContext } from '@saler/platform';
import { BrandView } from '../brand.view';
import { UpdateBrandRequest } from './update-brand.request';

export class UpdateBrandCommand extends TenantCommand<BrandView> {
  constructor(
    context: TenantContext,
    readonly brandId: string,
    readonly changes: UpdateBrandRequest,
  ) {
    super(context);
  }
}
