import { CommandHandler } from '@nestjs/cqrs';
import { In, MoreThan } from 'typeorm';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { Contact } from '../../domain/contact.entity';
import { scoreLead } from '../../domain/lead-scoring';
import { Lead } from '../../domain/lead.entity';
import { Stage } from '../../domain/stage.entity';
import { signalsOf } from '../scoring-rules-store';
import { RecomputeLeadScoresCommand, RESCORE_BATCH, RescoreSelection } from './recompute-lead-scores.command';

/**
 * Scores leads with the pure scoreLead over facts gathered in three queries per batch. Only changed
 * scores are written; a score is derived data, so it does not bump the lead's version (ETag).
 */
@CommandHandler(RecomputeLeadScoresCommand)
export class RecomputeLeadScoresHandler extends TenantCommandHandler<RecomputeLeadScoresCommand, { changed: number; lastId: string | null }> {
  protected async handle(command: RecomputeLeadScoresCommand, tx: TenantTx): Promise<{ changed: number; lastId: string | null }> {
    const selection = command.selection;
    const leads = await this.select(tx, selection);
    if (leads.length === 0) return { changed: 0, lastId: null };
    const signals = await signalsOf(tx);
    const contacts = new Map((await tx.repository(Contact).find({ where: { id: In([...new Set(leads.map((lead) => lead.contactId))]) } })).map((contact) => [contact.id, contact]));
    const stages = new Map((await tx.repository(Stage).find({ where: { id: In([...new Set(leads.map((lead) => lead.stageId))]) } })).map((stage) => [stage.id, stage]));
    const byScore = new Map<number, string[]>();
    for (const lead of leads) {
      const contact = contacts.get(lead.contactId);
      const score = scoreLead(
        signals,
        {
          hasEmail: Boolean(contact?.email),
          hasPhone: Boolean(contact?.phone),
          inboundMessages: lead.inboundMessages,
          quoteRequested: lead.quoteRequestedAt !== null,
          stageProbability: stages.get(lead.stageId)?.probability ?? 0,
          lastActivityAt: lead.lastActivityAt,
        },
        command.now,
      );
      if (score !== lead.score) byScore.set(score, [...(byScore.get(score) ?? []), lead.id]);
    }
    // One UPDATE per distinct score (at most 101), not one per lead.
    let changed = 0;
    for (const [score, ids] of byScore) changed += await tx.repository(Lead).update({ id: In(ids) }, { score });
    return { changed, lastId: !('afterId' in selection) || leads.length < RESCORE_BATCH ? null : leads[leads.length - 1].id };
  }

  private select(tx: TenantTx, selection: RescoreSelection): Promise<Lead[]> {
    const leads = tx.repository(Lead);
    if ('leadIds' in selection) return selection.leadIds.length === 0 ? Promise.resolve([]) : leads.find({ where: { id: In(selection.leadIds) } });
    if ('contactId' in selection) return leads.find({ where: { contactId: selection.contactId } });
    return leads.find({ where: selection.afterId === null ? {} : { id: MoreThan(selection.afterId) }, order: { id: 'ASC' }, take: RESCORE_BATCH });
  }
}
