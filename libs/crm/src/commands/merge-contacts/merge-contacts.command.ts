import { TenantCommand, TenantContext } from '@saler/platform';
import { ContactView } from '../contact.view';

export class MergeContactsCommand extends TenantCommand<ContactView> {
  constructor(
    context: TenantContext,
    readonly targetId: string,
    readonly sourceId: string,
  ) {
    super(context);
  }
}
