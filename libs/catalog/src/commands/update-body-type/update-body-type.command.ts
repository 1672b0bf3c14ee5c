import { TenantCommand, TenantContext } from '@saler/platform';
import { BodyTypeView } from '../body-type.view';
import { UpdateBodyTypeRequest } from './update-body-type.request';

export class UpdateBodyTypeCommand extends TenantCommand<BodyTypeView> {
  constructor(
    context: TenantContext,
    readonly bodyTypeId: string,
    readonly changes: UpdateBodyTypeRequest,
  ) {
    super(context);
  }
}
