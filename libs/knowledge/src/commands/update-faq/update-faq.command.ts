import { TenantCommand, TenantContext } from '@saler/platform';
import { FaqView } from '../faq.view';
import { UpdateFaqRequest } from './update-faq.request';

export class UpdateFaqCommand extends TenantCommand<FaqView> {
  constructor(
    context: TenantContext,
    readonly faqId: string,
    readonly changes: UpdateFaqRequest,
  ) {
    super(context);
  }
}
