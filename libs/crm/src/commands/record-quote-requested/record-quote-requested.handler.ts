import { CommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { Lead } from '../../domain/lead.entity';
import { LeadUpdated } from '../../events/lead-updated.event';
import { recordActivity } from '../lead-store';
import { RecordQuoteRequestedCommand } from './record-quote-requested.command';

/**
 * The first request sets the lead's quoteRequestedAt (a scoring signal: the time of the first
 * request), writes a timeline entry and publishes LeadUpdated, which rescores the lead; later
 * requests change nothing. Like the score, it does not bump the lead's version (ETag): it is a
 * fact the customer gave, not an edit an agent's pending change should conflict with.
 */
@CommandHandler(RecordQuoteRequestedCommand)
export class RecordQuoteRequestedHandler extends TenantCommandHandler<RecordQuoteRequestedCommand, void> {
  protected async handle(command: RecordQuoteRequestedCommand, tx: TenantTx): Promise<void> {
    const lead = await tx.repository(Lead).findOne({ id: command.leadId });
    if (lead === null || lead.quoteRequestedAt !== null) return;
    const now = new Date();
    // The IS NULL in the WHERE keeps the first of racing requests.
    if ((await tx.repository(Lead).update({ id: lead.id, quoteRequestedAt: IsNull() }, { quoteRequestedAt: now })) !== 1) return;
    await recordActivity(tx, lead, 'quote_requested', {}, now);
    tx.publish(new LeadUpdated(tx.context, { leadId: lead.id, changed: ['quoteRequestedAt'] }));
  }
}
