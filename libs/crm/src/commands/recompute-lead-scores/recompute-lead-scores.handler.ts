import { CommandHandler } from '@nestjs/cqrs';
import { In, MoreThan } from 'typeorm';
import { groupBy, KeyedBatcher, TenantCommandHandler, TenantTx } from '@saler/platform';
import { scoreLead } from '../../domain/lead-scoring';
import { Lead } from '../../domain/lead.entity';
import { signalsOf } from '../scoring-rules-store';
import { RecomputeLeadScoresCommand, RESCORE_BATCH, RescoreSelection } from './recompute-lead-scores.command';

type RescoreResult = { changed: number; lastId: string | null };
type NamedLeads = RecomputeLeadScoresCommand & { selection: { leadIds: string[] } };

/**
 * Scores leads with the pure scoreLead over facts gathered in two queries per batch (the leads with
 * their contacts and stages, and the rules). Only changed scores are written; a score is derived
 * data, so it does not bump the lead's version (ETag).
 *
 * Rescoring named leads reads their state as it is when it runs, so a tenant's concurrent requests of
 * that kind (the scoring jobs of many leads becoming due together) are taken in one transaction, at
 * the latest of their times; if that transaction fails, each is taken alone, so one bad request fails
 * only itself.
 */
@CommandHandler(RecomputeLeadScoresCommand)
export class RecomputeLeadScoresHandler extends TenantCommandHandler<RecomputeLeadScoresCommand, RescoreResult> {
  private readonly batcher = new KeyedBatcher<NamedLeads, RescoreResult>(RESCORE_BATCH, (commands) => this.rescoreTogether(commands));

  override execute(command: RecomputeLeadScoresCommand): Promise<RescoreResult> {
    if ('leadIds' in command.selection) return this.batcher.submit(command.context.tenantId, command as NamedLeads);
    return super.execute(command);
  }

  protected async handle(command: RecomputeLeadScoresCommand, tx: TenantTx): Promise<RescoreResult> {
    const selection = command.selection;
    const leads = await this.select(tx, selection);
    if (leads.length === 0) return { changed: 0, lastId: null };
    const changed = await this.rescore(tx, leads, command.now);
    return { changed: changed.size, lastId: !('afterId' in selection) || leads.length < RESCORE_BATCH ? null : leads[leads.length - 1].id };
  }

  /** Batches run in units of work of their own, whatever transaction their first caller was in. */
  private async rescoreTogether(commands: NamedLeads[]): Promise<PromiseSettledResult<RescoreResult>[]> {
    const alone = (command: NamedLeads) => this.unitOfWork.runSeparately(command.context, (tx) => this.handle(command, tx));
    if (commands.length === 1) return Promise.allSettled([alone(commands[0])]);
    const leadIds = [...new Set(commands.flatMap((command) => command.selection.leadIds))];
    const now = new Date(Math.max(...commands.map((command) => command.now.getTime())));
    try {
      const changed = await this.unitOfWork.runSeparately(commands[0].context, async (tx) => this.rescore(tx, await this.select(tx, { leadIds }), now));
      return commands.map((command) => ({ status: 'fulfilled', value: { changed: command.selection.leadIds.filter((id) => changed.has(id)).length, lastId: null } }));
    } catch {
      return Promise.allSettled(commands.map(alone));
    }
  }

  /** Writes the leads' scores that moved; returns their ids. */
  private async rescore(tx: TenantTx, leads: Lead[], now: Date): Promise<Set<string>> {
    if (leads.length === 0) return new Set();
    const signals = await signalsOf(tx);
    const moved = leads.flatMap((lead) => {
      const contact = lead.contact;
      const score = scoreLead(
        signals,
        {
          hasEmail: Boolean(contact?.email),
          hasPhone: Boolean(contact?.phone),
          inboundMessages: lead.inboundMessages,
          quoteRequested: lead.quoteRequestedAt !== null,
          stageProbability: lead.stage?.probability ?? 0,
          lastActivityAt: lead.lastActivityAt,
        },
        now,
      );
      return score === lead.score ? [] : [{ id: lead.id, score }];
    });
    // One UPDATE per distinct score (at most 101), not one per lead.
    for (const [score, group] of groupBy(moved, (change) => change.score)) await tx.repository(Lead).update({ id: In(group.map((change) => change.id)) }, { score });
    return new Set(moved.map((change) => change.id));
  }

  /** The leads with their contact and stage, read in the same statement. */
  private select(tx: TenantTx, selection: RescoreSelection): Promise<Lead[]> {
    const leads = tx.repository(Lead);
    const relations = { contact: true, stage: true } as const;
    if ('leadIds' in selection) return selection.leadIds.length === 0 ? Promise.resolve([]) : leads.find({ where: { id: In(selection.leadIds) }, relations });
    if ('contactId' in selection) return leads.find({ where: { contactId: selection.contactId }, relations });
    return leads.find({ where: selection.afterId === null ? {} : { id: MoreThan(selection.afterId) }, order: { id: 'ASC' }, take: RESCORE_BATCH, relations });
  }
}
