import { TenantCommand, TenantContext } from '@saler/platform';
import { Role } from '../../domain/role';
import { ApiKeyCreated } from '../api-key.view';

export class CreateApiKeyCommand extends TenantCommand<ApiKeyCreated> {
  constructor(
    context: TenantContext,
    readonly actorRole: Role,
    readonly name: string,
    readonly role: Role,
    readonly expiresAt?: Date,
  ) {
    super(context);
  }
}
