import { TenantCommand, TenantContext } from '@saler/platform';
import { LeadView } from '../lead.view';
import { CreateLeadRequest } from './create-lead.request';

export class CreateLeadCommand extends TenantCommand<LeadView> {
  constructor(
    context: TenantContext,
    readonly input: CreateLeadRequest,
  ) {
    super(context);
  }
}
