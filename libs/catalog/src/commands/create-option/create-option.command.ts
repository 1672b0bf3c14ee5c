import { TenantCommand, TenantContext } from '@saler/platform';
import { OptionView } from '../option.view';
import { CreateOptionRequest } from './create-option.request';

export class CreateOptionCommand extends TenantCommand<OptionView> {
  constructor(
    context: TenantContext,
    readonly input: CreateOptionRequest,
  ) {
    super(context);
  }
}
