import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, CredentialCipher, newId, TenantCommandHandler, TenantTx, UnitOfWork, ValidationProblem } from '@saler/platform';
import { credentialErrors, originErrors } from '../../domain/channel-credentials';
import { Channel } from '../../domain/channel.entity';
import { sealCredentials, writeRoute } from '../channel-store';
import { channelAudit, ChannelView, toChannelView } from '../channel.view';
import { CreateChannelCommand } from './create-channel.command';

@CommandHandler(CreateChannelCommand)
export class CreateChannelHandler extends TenantCommandHandler<CreateChannelCommand, ChannelView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cipher: CredentialCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: CreateChannelCommand, tx: TenantTx): Promise<ChannelView> {
    const { type, name, credentials, settings } = command.input;
    const web = type === 'web';
    const errors = [...credentialErrors(type, credentials, false), ...(web ? originErrors(settings?.allowedOrigins) : [])];
    if (!web && settings !== undefined && Object.keys(settings).length > 0) errors.push({ field: 'settings', message: `a ${type} channel takes no settings` });
    if (errors.length > 0) throw new ValidationProblem(errors);
    const id = newId();
    const now = new Date();
    const channel: Channel = {
      tenantId: tx.tenantId,
      id,
      type,
      name,
      ...sealCredentials(this.cipher, tx.tenantId, id, (credentials ?? {}) as Record<string, string>),
      settings: web ? { allowedOrigins: (settings?.allowedOrigins as string[]).map((origin) => origin.toLowerCase()) } : {},
      publicKey: web ? `pk_${randomBytes(18).toString('base64url')}` : null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await tx.repository(Channel).insert(channel);
    await writeRoute(tx, channel);
    tx.audit({ action: 'channel.created', entityType: 'channel', entityId: id, after: channelAudit(channel) });
    return toChannelView(channel, this.config.publicBaseUrl);
  }
}
