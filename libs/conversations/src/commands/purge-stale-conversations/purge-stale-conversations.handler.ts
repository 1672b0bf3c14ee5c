import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { GetTenantQuery } from '@saler/identity';
import { TenantTx, UnitOfWork } from '@saler/platform';
import { In, LessThan, Like, Not } from 'typeorm';
import { Conversation } from '../../domain/conversation.entity';
import { InboundEvent } from '../../domain/inbound-event.entity';
import { Message } from '../../domain/message.entity';
import { PurgeCounts, PurgeStaleConversationsCommand } from './purge-stale-conversations.command';

const BATCH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Platform event ids are kept longer than any platform retries (WhatsApp: 7 days); REG-01 import keys stay (re-runs stay idempotent). */
const DEDUPE_DAYS = 14;

/**
 * Deletes in batches of 200 conversations, one short transaction each (messages first, then the
 * conversations), so a large purge never holds locks for long; the counts are audited once.
 */
@CommandHandler(PurgeStaleConversationsCommand)
export class PurgeStaleConversationsHandler implements ICommandHandler<PurgeStaleConversationsCommand, PurgeCounts> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
  ) {}

  async execute(command: PurgeStaleConversationsCommand): Promise<PurgeCounts> {
    const tenant = await this.queryBus.execute(new GetTenantQuery(command.context));
    const cutoff = new Date(command.now.getTime() - tenant.retentionDays * DAY_MS);
    const counts: PurgeCounts = { conversations: 0, messages: 0, inboundEvents: 0 };
    for (;;) {
      const batch = await this.unitOfWork.run(command.context, (tx) => this.purgeBatch(tx, cutoff));
      counts.conversations += batch.conversations;
      counts.messages += batch.messages;
      if (batch.conversations < BATCH) break;
    }
    await this.unitOfWork.run(command.context, async (tx) => {
      counts.inboundEvents = await tx.repository(InboundEvent).delete({ receivedAt: LessThan(new Date(command.now.getTime() - DEDUPE_DAYS * DAY_MS)), eventKey: Not(Like('reg01:%')) });
      tx.audit({ action: 'conversations.retention_purged', entityType: 'tenant', entityId: command.context.tenantId, after: { ...counts, retentionDays: tenant.retentionDays, cutoff: cutoff.toISOString() } });
    });
    return counts;
  }

  private async purgeBatch(tx: TenantTx, cutoff: Date): Promise<{ conversations: number; messages: number }> {
    const stale = await tx.repository(Conversation).find({ select: { tenantId: true, id: true }, where: { lastMessageAt: LessThan(cutoff) }, take: BATCH });
    if (stale.length === 0) return { conversations: 0, messages: 0 };
    const ids = In(stale.map((conversation) => conversation.id));
    const messages = await tx.repository(Message).delete({ conversationId: ids });
    const conversations = await tx.repository(Conversation).delete({ id: ids });
    return { conversations, messages };
  }
}
