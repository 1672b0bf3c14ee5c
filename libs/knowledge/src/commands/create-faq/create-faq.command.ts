import { TenantCommand, TenantContext } from '@saler/platform';
import { FaqView } from '../faq.view';
import { CreateFaqRequest } from './create-faq.request';

export class CreateFaqCommand extends TenantCommand<FaqView> {
  constructor(
    context: TenantContext,
    readonly input: CreateFaqRequest,
  ) {
    super(context);
  }
}
