import { TenantCommand, TenantContext } from '@saler/platform';

export class RevokeApiKeyCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly keyId: string,
  ) {
    super(context);
  }
}
