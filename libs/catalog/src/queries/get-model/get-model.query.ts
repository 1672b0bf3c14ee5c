import { TenantContext, TenantQuery } from '@saler/platform';
import { ModelView } from '../../commands/model.view';

export class GetModelQuery extends TenantQuery<ModelView> {
  constructor(
    context: TenantContext,
    readonly modelId: string,
  ) {
    super(context);
  }
}
