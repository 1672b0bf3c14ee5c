import { HttpStatus } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { isUniqueViolation, newId, ProblemException, TenantCommandHandler, TenantTx } from '@saler/platform';
import { ScoringSignal } from '../../domain/lead-scoring';
import { fieldProblem } from '../../domain/crm-problems';
import { ScoringRules } from '../../domain/scoring-rules.entity';
import { parseSignals } from '../../domain/scoring-signal-parser';
import { ScoringRulesChanged } from '../../events/scoring-rules-changed.event';
import { currentScoringRules } from '../scoring-rules-store';
import { ScoringRulesView } from '../scoring-rules.view';
import { ReplaceScoringRulesCommand } from './replace-scoring-rules.command';

/** Replaces the tenant's scoring rules; every lead is then rescored by the worker. */
@CommandHandler(ReplaceScoringRulesCommand)
export class ReplaceScoringRulesHandler extends TenantCommandHandler<ReplaceScoringRulesCommand, ScoringRulesView> {
  protected async handle(command: ReplaceScoringRulesCommand, tx: TenantTx): Promise<ScoringRulesView> {
    const parsed = parseSignals(command.input.signals);
    if ('field' in parsed) throw fieldProblem(parsed.field, parsed.message);
    // The row is locked until commit: concurrent replacements apply one after another, each with its own version.
    const locked = await tx.repository(ScoringRules).lockOne({});
    const before = locked === null ? await currentScoringRules(tx) : { signals: locked.signals, version: locked.version };
    const version = before.version + 1;
    const updatedAt = new Date();
    if (locked === null) await insertFirstRules(tx, parsed.signals, version, updatedAt);
    else await tx.repository(ScoringRules).update({ id: locked.id }, { signals: parsed.signals, version, updatedAt });
    tx.publish(new ScoringRulesChanged(tx.context, { version }));
    tx.audit({ action: 'scoring_rules.replaced', entityType: 'scoring_rules', before: { signals: before.signals }, after: { signals: parsed.signals } });
    return { signals: parsed.signals, version, updatedAt: updatedAt.toISOString() };
  }
}

/** Tenants provisioned before scoring existed have no row yet; of two first writers racing, the loser gets a 409 to retry. */
async function insertFirstRules(tx: TenantTx, signals: ScoringSignal[], version: number, updatedAt: Date): Promise<void> {
  try {
    await tx.repository(ScoringRules).insert({ id: newId(), signals, version, updatedAt });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'The scoring rules were changed at the same moment; send your change again');
    throw error;
  }
}
