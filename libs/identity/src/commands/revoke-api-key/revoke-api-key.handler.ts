import { HttpStatus } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { ProblemException, TenantCommandHandler, TenantTx } from '@saler/platform';
import { ApiKey } from '../../domain/api-key.entity';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler extends TenantCommandHandler<RevokeApiKeyCommand, void> {
  protected async handle(command: RevokeApiKeyCommand, tx: TenantTx): Promise<void> {
    const key = await tx.repository(ApiKey).findOne({ id: command.keyId });
    if (!key) throw new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'No such API key in this tenant');
    if ((await tx.repository(ApiKey).update({ id: key.id, revokedAt: IsNull() }, { revokedAt: new Date() })) > 0) {
      tx.audit({ action: 'api_key.revoked', entityType: 'api_key', entityId: key.id, before: { name: key.name, role: key.role, prefix: key.prefix } });
    }
  }
}
