import { TenantContext, TenantQuery } from '@saler/platform';
import { AvailabilityPage } from '../../commands/availability.view';
import { PageInput } from '../list-page';

/** The marked pairs, most recently changed first; a pair without a mark is available. */
export class ListAvailabilityQuery extends TenantQuery<AvailabilityPage> {
  constructor(
    context: TenantContext,
    readonly page: PageInput,
    readonly filters: { modelId?: string; categoryId?: string } = {},
  ) {
    super(context);
  }
}
