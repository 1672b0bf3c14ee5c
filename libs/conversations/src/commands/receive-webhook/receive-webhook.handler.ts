import { HttpStatus } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CredentialCipher, isUniqueViolation, ProblemException, TenantTx, UnitOfWork } from '@saler/platform';
import { MalformedWebhookError } from '../../domain/webhooks/inbound-item';
import { WEBHOOK_PLATFORMS } from '../../domain/webhooks/webhook-platforms';
import { loadChannelOfType, openCredentials } from '../channel-store';
import { IngestCounts, ingestInbound } from '../ingest-inbound';
import { ReceiveWebhookCommand } from './receive-webhook.command';

/**
 * The whole request path of a webhook, in one transaction of the channel's tenant: the signature is
 * checked on the raw bytes with the channel's own secret; then every event is taken once. A bad
 * signature stores nothing and leaves only a security entry in the audit log. The bot runs later, in
 * the worker, from the outbox event.
 */
@CommandHandler(ReceiveWebhookCommand)
export class ReceiveWebhookHandler implements ICommandHandler<ReceiveWebhookCommand, IngestCounts> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly commandBus: CommandBus,
    private readonly cipher: CredentialCipher,
  ) {}

  async execute(command: ReceiveWebhookCommand): Promise<IngestCounts> {
    const outcome = await this.receiveRetryingRaces(command);
    if (outcome === 'rejected') {
      await this.unitOfWork.run(command.context, async (tx) =>
        tx.audit({ action: 'security.webhook_signature_rejected', entityType: 'channel', entityId: command.channelId, after: { platform: command.type } }),
      );
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-signature', `The request does not carry a valid ${command.type} signature for this channel`);
    }
    return outcome;
  }

  /** Two first messages of a new customer racing (contact, conversation) collide on a unique key: the second try finds the first's rows. */
  private async receiveRetryingRaces(command: ReceiveWebhookCommand): Promise<IngestCounts | 'rejected'> {
    try {
      return await this.unitOfWork.run(command.context, (tx) => this.receive(tx, command));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.unitOfWork.run(command.context, (tx) => this.receive(tx, command));
    }
  }

  private async receive(tx: TenantTx, command: ReceiveWebhookCommand): Promise<IngestCounts | 'rejected'> {
    const channel = await loadChannelOfType(tx, command.channelId, command.type);
    const platform = WEBHOOK_PLATFORMS[command.type];
    const credentials = openCredentials(this.cipher, channel);
    if (!platform.verify(command.request, credentials)) return 'rejected';
    let items;
    try {
      items = platform.parse(command.request.body, credentials);
    } catch (error) {
      if (error instanceof MalformedWebhookError) throw new ProblemException(HttpStatus.BAD_REQUEST, 'malformed-webhook', error.message);
      throw error;
    }
    return ingestInbound(tx, this.commandBus, channel, items);
  }
}
