import { TenantContext, TenantQuery } from '@saler/platform';
import { ModelPage } from '../../commands/model.view';
import { PageInput } from '../list-page';

export interface ModelFilters {
  brandId?: string;
  bodyTypeId?: string;
  q?: string;
}

export class ListModelsQuery extends TenantQuery<ModelPage> {
  constructor(
    context: TenantContext,
    readonly page: PageInput,
    readonly filters: ModelFilters = {},
  ) {
    super(context);
  }
}
