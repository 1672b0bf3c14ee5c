import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, CredentialCipher, staleProblem, TenantCommandHandler, TenantTx, UnitOfWork, ValidationProblem } from '@saler/platform';
import { credentialErrors, originErrors } from '../../domain/channel-credentials';
import { Channel } from '../../domain/channel.entity';
import { loadChannel, openCredentials, sealCredentials } from '../channel-store';
import { channelAudit, ChannelView, toChannelView } from '../channel.view';
import { UpdateChannelCommand } from './update-channel.command';

/** Renames a channel, rotates some of its credentials (the rest are kept, all re-sealed with the current key) or changes the widget's origins. */
@CommandHandler(UpdateChannelCommand)
export class UpdateChannelHandler extends TenantCommandHandler<UpdateChannelCommand, ChannelView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cipher: CredentialCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: UpdateChannelCommand, tx: TenantTx): Promise<ChannelView> {
    const before = await loadChannel(tx, command.channelId);
    if (command.expectedVersion !== undefined && command.expectedVersion !== before.version) throw staleProblem('channel');
    const { name, credentials, settings } = command.changes;
    const web = before.type === 'web';
    const errors = credentials !== undefined ? credentialErrors(before.type, credentials, true) : [];
    if (settings !== undefined) errors.push(...(web ? originErrors(settings.allowedOrigins) : [{ field: 'settings', message: `a ${before.type} channel takes no settings` }]));
    if (errors.length > 0) throw new ValidationProblem(errors);
    const sealed =
      credentials !== undefined ? sealCredentials(this.cipher, tx.tenantId, before.id, { ...openCredentials(this.cipher, before), ...(credentials as Record<string, string>) }) : {};
    const after: Channel = {
      ...before,
      ...sealed,
      name: name ?? before.name,
      settings: settings !== undefined ? { allowedOrigins: (settings.allowedOrigins as string[]).map((origin) => origin.toLowerCase()) } : before.settings,
      version: before.version + 1,
      updatedAt: new Date(),
    };
    const { tenantId: _tenantId, id: _id, ...columns } = after;
    const updated = await tx.repository(Channel).update({ id: before.id, version: before.version }, columns);
    if (updated !== 1) throw staleProblem('channel');
    tx.audit({ action: 'channel.updated', entityType: 'channel', entityId: before.id, before: channelAudit(before), after: { ...channelAudit(after), rotated: Object.keys(credentials ?? {}) } });
    return toChannelView(after, this.config.publicBaseUrl);
  }
}
