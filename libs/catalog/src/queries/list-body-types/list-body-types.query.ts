import { TenantContext, TenantQuery } from '@saler/platform';
import { BodyTypePage } from '../../commands/body-type.view';
import { PageInput } from '../list-page';

export class ListBodyTypesQuery extends TenantQuery<BodyTypePage> {
  constructor(
    context: TenantContext,
    readonly page: PageInput,
  ) {
    super(context);
  }
}
