import { TenantContext, TenantQuery } from '@saler/platform';
import { BodyTypeView } from '../../commands/body-type.view';

export class GetBodyTypeQuery extends TenantQuery<BodyTypeView> {
  constructor(
    context: TenantContext,
    readonly bodyTypeId: string,
  ) {
    super(context);
  }
}
