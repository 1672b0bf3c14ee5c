import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, backoffDelay, CredentialCipher, groupBy, JOBS, KeyedBatcher, QUEUE_DRIVER, QueueDriver, QUEUES, TenantContext, TenantTx, UnitOfWork } from '@saler/platform';
import { Channel } from '../../domain/channel.entity';
import { Conversation } from '../../domain/conversation.entity';
import { Message } from '../../domain/message.entity';
import { PlatformSenders } from '../../domain/outbound/platform-senders';
import type { SendResult } from '../../domain/outbound/platform-sender';
import { splitText, TEXT_LIMITS } from '../../domain/outbound/text-parts';
import { DeliverMessageCommand, DeliveryClaim, DeliveryOutcome } from './deliver-message.command';
import { deliveryClaim } from './delivery-claim';

export interface DeliveryJob {
  messageId: string;
  attempt: number;
}

/** How an attempt ends a message: its final delivery fields, written only while it is still `queued`. */
type FinalPatch = Partial<Pick<Message, 'deliveryStatus' | 'deliveryError' | 'platformMessageId'>>;

interface Finish {
  context: TenantContext;
  messageId: string;
  patch: FinalPatch & Pick<Message, 'replyToken' | 'deliveryUpdatedAt'>;
}

/** At most this many finishes of one tenant in one transaction. */
const FINISH_BATCH = 50;

/** One job per attempt: `deliver.<message>.<attempt>` (a duplicate of an attempt is dropped by its id). */
export const deliveryJobId = (messageId: string, attempt: number): string => `deliver.${messageId}.${attempt}`;

/**
 * Exactly once per message: an attempt first claims the message (still queued, at the previous
 * attempt count) in its own transaction, so a duplicated or replayed job finds nothing to do; the
 * platform is called outside any transaction. 5xx, 429, timeouts and network errors are retried
 * with exponential backoff (never sooner than the platform's Retry-After) up to DELIVERY_ATTEMPTS;
 * other 4xx fail at once. A text longer than the platform takes goes as parts, each counted on the
 * message once sent, so a retry sends only the rest. The message ends `sent` (with the platform's
 * id of its last part) or `failed` (with its error); the ends of one tenant's deliveries that finish
 * while another batch of them is being written are written together, in one transaction.
 */
@CommandHandler(DeliverMessageCommand)
export class DeliverMessageHandler implements ICommandHandler<DeliverMessageCommand, DeliveryOutcome> {
  private readonly finishes = new KeyedBatcher<Finish, void>(FINISH_BATCH, (finishes) => this.finishTogether(finishes));

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cipher: CredentialCipher,
    private readonly senders: PlatformSenders,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: DeliverMessageCommand): Promise<DeliveryOutcome> {
    const claim = command.claimed ?? (await this.unitOfWork.run(command.context, (tx) => this.claim(tx, command)));
    if (claim === null) return 'skipped';
    if (typeof claim === 'string') return this.finish(command, { deliveryStatus: 'failed', deliveryError: claim }, 'failed');
    const result = await this.sendParts(command, claim);
    if (result.ok) return this.finish(command, { deliveryStatus: 'sent', platformMessageId: result.platformMessageId, deliveryError: null }, 'sent');
    if (!result.retryable || command.attempt >= this.config.delivery.attempts) return this.finish(command, { deliveryStatus: 'failed', deliveryError: result.error.slice(0, 1000) }, 'failed');
    await this.unitOfWork.run(command.context, (tx) => tx.repository(Message).update({ id: command.messageId, deliveryStatus: 'queued' }, { deliveryError: result.error.slice(0, 1000) }));
    await this.retryLater(command.context, command, Math.max(result.retryAfterMs ?? 0, backoffDelay(command.attempt, this.config.delivery.backoffMs)));
    return 'retrying';
  }

  /** The parts not sent yet, in order, until one fails; the result of the last one sent, or of the failure. */
  private async sendParts(command: DeliverMessageCommand, claim: DeliveryClaim): Promise<SendResult> {
    const parts = splitText(claim.text, TEXT_LIMITS[claim.channelType]);
    const sender = this.senders.for(claim.channelType);
    let result: SendResult = { ok: true, platformMessageId: null };
    for (let index = claim.partsSent; index < parts.length; index += 1) {
      // A LINE reply token is good for one call: the first part's.
      result = await sender.send(index === 0 ? claim : { ...claim, replyToken: undefined }, { text: parts[index], fromAgent: claim.fromAgent });
      if (!result.ok) return result;
      if (index < parts.length - 1) await this.unitOfWork.run(command.context, (tx) => tx.repository(Message).update({ id: command.messageId, deliveryStatus: 'queued' }, { deliveryPartsSent: index + 1 }));
    }
    return result;
  }

  /** The target and text of the message, after taking this attempt; null when there is nothing to do; a string when it cannot be sent at all. */
  private async claim(tx: TenantTx, command: DeliverMessageCommand): Promise<DeliveryClaim | string | null> {
    const taken = await tx.repository(Message).update(
      { id: command.messageId, direction: 'outbound', deliveryStatus: 'queued', deliveryAttempts: command.attempt - 1 },
      { deliveryAttempts: command.attempt, deliveryUpdatedAt: new Date() },
    );
    if (taken !== 1) return null;
    // One statement: the message with its conversation and channel joined.
    const [message] = await tx.repository(Message).find({ where: { id: command.messageId }, relations: { conversation: { channel: true } } });
    const conversation = message.conversation as Conversation;
    return deliveryClaim(this.cipher, message, conversation, conversation.channel as Channel);
  }

  private async finish(command: DeliverMessageCommand, patch: FinalPatch, outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
    await this.finishes.submit(command.context.tenantId, { context: command.context, messageId: command.messageId, patch: { ...patch, replyToken: null, deliveryUpdatedAt: new Date() } });
    return outcome;
  }

  /** The finishes of a batch in one unit of work (the first one's context: a finish audits and publishes nothing); when that fails, each alone, so one bad row fails only itself. */
  private async finishTogether(finishes: Finish[]): Promise<PromiseSettledResult<void>[]> {
    if (finishes.length > 1) {
      try {
        await this.unitOfWork.run(finishes[0].context, (tx) => this.write(tx, finishes));
        return finishes.map(() => ({ status: 'fulfilled', value: undefined }));
      } catch {
        // Each alone below.
      }
    }
    return Promise.allSettled(finishes.map((finish) => this.unitOfWork.run(finish.context, (tx) => this.write(tx, [finish]))));
  }

  /** Ends messages still queued: those setting the same fields (the sent ones, the failed ones) in one statement. */
  private async write(tx: TenantTx, finishes: Finish[]): Promise<void> {
    for (const group of groupBy(finishes, (finish) => Object.keys(finish.patch).sort().join()).values()) {
      const columns = Object.keys(group[0].patch) as (keyof Finish['patch'])[];
      await tx.repository(Message).updateEach(
        group.map(({ messageId, patch }) => ({ id: messageId, ...patch }) as Message),
        columns,
        { deliveryStatus: 'queued' },
      );
    }
  }

  private retryLater(context: TenantContext, command: DeliverMessageCommand, delayMs: number): Promise<void> {
    const next: DeliveryJob = { messageId: command.messageId, attempt: command.attempt + 1 };
    return this.queue.add(QUEUES.CONVERSATIONS, JOBS.MESSAGE_DELIVERY, { tenantId: context.tenantId, actor: context.actor, requestId: context.requestId, payload: next }, { jobId: deliveryJobId(next.messageId, next.attempt), delayMs, attempts: 1 });
  }
}
