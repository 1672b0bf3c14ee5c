import { TenantCommand, TenantContext } from '@saler/platform';
import { ModelView } from '../model.view';
import { CreateModelRequest } from './create-model.request';

export class CreateModelCommand extends TenantCommand<ModelView> {
  constructor(
    context: TenantContext,
    readonly input: CreateModelRequest,
  ) {
    super(context);
  }
}
