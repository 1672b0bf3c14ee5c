import { HttpStatus } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { newId, ProblemException, TenantCommandHandler, TenantTx } from '@saler/platform';
import { newApiKey } from '../../domain/api-key-format';
import { ApiKey } from '../../domain/api-key.entity';
import { assertMayGrant } from '../../domain/member-rules';
import { hashSecret } from '../../domain/tenant-token';
import { ApiKeyCreated } from '../api-key.view';
import { CreateApiKeyCommand } from './create-api-key.command';

@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler extends TenantCommandHandler<CreateApiKeyCommand, ApiKeyCreated> {
  protected async handle(command: CreateApiKeyCommand, tx: TenantTx): Promise<ApiKeyCreated> {
    assertMayGrant(command.actorRole, command.role);
    if (command.expiresAt !== undefined && command.expiresAt <= new Date()) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation', 'The request is not valid', { errors: [{ field: 'expiresAt', message: 'expiresAt must be in the future' }] });
    }
    const id = newId();
    const { key, secret, prefix } = newApiKey(tx.tenantId, id);
    await tx.repository(ApiKey).insert({
      id,
      name: command.name,
      role: command.role,
      prefix,
      secretHash: hashSecret(secret),
      createdBy: command.context.actor.id,
      expiresAt: command.expiresAt ?? null,
      lastUsedAt: null,
      revokedAt: null,
      createdAt: new Date(),
    });
    tx.audit({ action: 'api_key.created', entityType: 'api_key', entityId: id, after: { name: command.name, role: command.role, prefix, expiresAt: command.expiresAt?.toISOString() ?? null } });
    return { id, key, prefix };
  }
}
