import { TenantContext, TenantQuery } from '@saler/platform';
import { BrandPage } from '../../commands/brand.view';
import { PageInput } from '../list-page';

export class ListBrandsQuery extends TenantQuery<BrandPage> {
  constructor(
    context: TenantContext,
    readonly page: PageInput,
    readonly q?: string,
  ) {
    super(context);
  }
}
