import { TenantContext, TenantQuery } from '@saler/platform';
import { BrandView } from '../../commands/brand.view';

export class GetBrandQuery extends TenantQuery<BrandView> {
  constructor(
    context: TenantContext,
    readonly brandId: string,
  ) {
    super(context);
  }
}
