import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { Channel } from '../../domain/channel.entity';
import { loadChannel, writeRoute } from '../channel-store';
import { channelAudit } from '../channel.view';
import { DeleteChannelCommand } from './delete-channel.command';

@CommandHandler(DeleteChannelCommand)
export class DeleteChannelHandler extends TenantCommandHandler<DeleteChannelCommand, void> {
  protected async handle(command: DeleteChannelCommand, tx: TenantTx): Promise<void> {
    const channel = await loadChannel(tx, command.channelId);
    const deletedAt = new Date();
    // The sealed credentials go with it: a removed channel keeps no secrets.
    await tx.repository(Channel).update({ id: channel.id }, { deletedAt, credentialsSealed: null, credentialHints: {}, version: channel.version + 1, updatedAt: deletedAt });
    await writeRoute(tx, { ...channel, deletedAt });
    tx.audit({ action: 'channel.deleted', entityType: 'channel', entityId: channel.id, before: channelAudit(channel) });
  }
}
