import { TenantCommand, TenantContext } from '@saler/platform';
import { BodyTypeView } from '../body-type.view';
import { CreateBodyTypeRequest } from './create-body-type.request';

export class CreateBodyTypeCommand extends TenantCommand<BodyTypeView> {
  constructor(
    context: TenantContext,
    readonly input: CreateBodyTypeRequest,
  ) {
    super(context);
  }
}
