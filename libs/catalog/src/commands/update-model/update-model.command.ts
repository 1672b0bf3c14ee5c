import { TenantCommand, TenantContext } from '@saler/platform';
import { ModelView } from '../model.view';
import { UpdateModelRequest } from './update-model.request';

export class UpdateModelCommand extends TenantCommand<ModelView> {
  constructor(
    context: TenantContext,
    readonly modelId: string,
    readonly changes: UpdateModelRequest,
  ) {
    super(context);
  }
}
