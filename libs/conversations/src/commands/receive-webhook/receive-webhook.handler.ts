import { HttpStatus } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CredentialCipher, isUniqueViolation, KeyedBatcher, ProblemException, TenantTx, TtlCache, UnitOfWork, WindowGate } from '@saler/platform';
import { Channel } from '../../domain/channel.entity';
import { notFound } from '../../domain/conversation-problems';
import { InboundItem, MalformedWebhookError } from '../../domain/webhooks/inbound-item';
import { threadLane } from '../../domain/webhooks/thread-lane';
import { WEBHOOK_PLATFORMS, WebhookType } from '../../domain/webhooks/webhook-platforms';
import { loadChannelOfType, openCredentials } from '../channel-store';
import { ChannelChangedError, IngestCounts, ingestDeliveries, ingestInbound } from '../ingest-inbound';
import { ReceiveWebhookCommand } from './receive-webhook.command';

/** Requests of one channel stored in one transaction at most. */
const MAX_BATCH = 64;
/** A channel's batches in flight at once, each for its own share of the channel's threads (conversations). */
const LANES = 2;
/** A request the cached credentials refuse reloads the channel at most this often (a rotated secret is seen within it; a flood of bad signatures costs no query). */
const RELOAD_AFTER_REFUSAL_MS = 1000;
/** A channel's refused requests are audited once per this window and process, with how many were not since the last entry. */
const REFUSAL_AUDIT_WINDOW_MS = 60_000;

interface OpenedChannel {
  channel: Channel;
  credentials: Record<string, string>;
}

/** A request whose signature held with the cached credentials, parsed. */
interface Receipt {
  command: ReceiveWebhookCommand;
  version: number;
  items: InboundItem[];
}

function parse(type: WebhookType, body: unknown, credentials: Record<string, string>): InboundItem[] {
  try {
    return WEBHOOK_PLATFORMS[type].parse(body, credentials);
  } catch (error) {
    if (error instanceof MalformedWebhookError) throw new ProblemException(HttpStatus.BAD_REQUEST, 'malformed-webhook', error.message);
    throw error;
  }
}

/**
 * The whole request path of a webhook: the signature is checked on the raw bytes with the channel's
 * own secret; then every event is taken once. A bad signature stores nothing and leaves only a
 * security entry in the audit log (one per channel and minute, counting the others: a flood of forged
 * requests to a known webhook URL neither fills the log nor, with the channel cached, queries the
 * database). The bot runs later, in the worker, from the outbox event.
 *
 * The channel and its opened credentials are cached per process. Concurrent requests of a channel
 * are stored together, in one transaction of its tenant per lane: LANES batches of a channel in
 * flight at once, each for a share of its threads, so a conversation's messages are stored in the
 * order received (threadLane). The batch's first statement takes their event ids only if the cached
 * channel is still the channel's current version (a rotated secret or a removed channel is seen at
 * once). When that transaction fails (a race on a new customer, a channel changed meanwhile), nothing
 * of it was stored: each of its requests is then received alone, as is a request the cached
 * credentials refuse.
 * Each MessageReceived carries its own request's context; the transaction, and so what the CRM records
 * while opening a new customer's lead, is the first request's.
 */
@CommandHandler(ReceiveWebhookCommand)
export class ReceiveWebhookHandler implements ICommandHandler<ReceiveWebhookCommand, IngestCounts> {
  private readonly channels = new TtlCache<OpenedChannel>(30_000);
  private readonly batcher = new KeyedBatcher<Receipt, IngestCounts>(MAX_BATCH, (receipts) => this.receiveTogether(receipts));
  private readonly reloads = new WindowGate(RELOAD_AFTER_REFUSAL_MS);
  private readonly refusalAudits = new WindowGate(REFUSAL_AUDIT_WINDOW_MS);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly commandBus: CommandBus,
    private readonly cipher: CredentialCipher,
  ) {}

  async execute(command: ReceiveWebhookCommand): Promise<IngestCounts> {
    const { channel, credentials } = await this.channels.get(command.channelId, () => this.unitOfWork.run(command.context, (tx) => this.openChannel(tx, command)));
    if (channel.type !== command.type) throw notFound('channel');
    if (!WEBHOOK_PLATFORMS[command.type].verify(command.request, credentials)) {
      if (!this.reloads.pass(command.channelId).pass) return this.refuse(command);
      this.channels.forget(command.channelId);
      return this.receiveAlone(command);
    }
    const items = parse(command.type, command.request.body, credentials);
    return this.batcher.submit(`${command.channelId}/${threadLane(items, LANES)}`, { command, version: channel.version, items });
  }

  private async receiveTogether(receipts: Receipt[]): Promise<PromiseSettledResult<IngestCounts>[]> {
    const [{ command, version }] = receipts;
    try {
      if (receipts.some((receipt) => receipt.version !== version)) throw new ChannelChangedError();
      const deliveries = receipts.map((receipt) => ({ context: receipt.command.context, items: receipt.items }));
      const counts = await this.unitOfWork.run(command.context, (tx) => ingestDeliveries(tx, this.commandBus, { id: command.channelId, type: command.type }, deliveries, { verifiedAt: version }));
      return counts.map((value) => ({ status: 'fulfilled', value }));
    } catch {
      this.channels.forget(command.channelId);
      return Promise.allSettled(receipts.map((receipt) => this.receiveAlone(receipt.command)));
    }
  }

  /** One request in a transaction of its own, on the channel as it is now. */
  private async receiveAlone(command: ReceiveWebhookCommand): Promise<IngestCounts> {
    const outcome = await this.receiveRetryingRaces(command);
    return outcome === 'rejected' ? this.refuse(command) : outcome;
  }

  /** 401 for a request whose signature does not hold, audited unless this channel's refusals were in the last minute. */
  private async refuse(command: ReceiveWebhookCommand): Promise<never> {
    const audit = this.refusalAudits.pass(command.channelId);
    if (audit.pass) {
      await this.unitOfWork.run(command.context, async (tx) =>
        tx.audit({ action: 'security.webhook_signature_rejected', entityType: 'channel', entityId: command.channelId, after: { platform: command.type, notAuditedSinceLastEntry: audit.held } }),
      );
    }
    throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid-signature', `The request does not carry a valid ${command.type} signature for this channel`);
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
    const { channel, credentials } = await this.openChannel(tx, command);
    if (!WEBHOOK_PLATFORMS[command.type].verify(command.request, credentials)) return 'rejected';
    return ingestInbound(tx, this.commandBus, channel, parse(command.type, command.request.body, credentials));
  }

  private async openChannel(tx: TenantTx, command: ReceiveWebhookCommand): Promise<OpenedChannel> {
    const channel = await loadChannelOfType(tx, command.channelId, command.type);
    return { channel, credentials: openCredentials(this.cipher, channel) };
  }
}
