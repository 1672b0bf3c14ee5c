import { TenantCommand, TenantContext } from '@saler/platform';
import { OptionView } from '../option.view';
import { UpdateOptionRequest } from './update-option.request';

export class UpdateOptionCommand extends TenantCommand<OptionView> {
  constructor(
    context: TenantContext,
    readonly optionId: string,
    readonly changes: UpdateOptionRequest,
  ) {
    super(context);
  }
}
