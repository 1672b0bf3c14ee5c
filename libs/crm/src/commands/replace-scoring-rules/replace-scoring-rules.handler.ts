import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
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
    const before = await currentScoringRules(tx);
    const version = before.version + 1;
    const updatedAt = new Date();
    if (before.version === 0) await tx.repository(ScoringRules).insert({ id: newId(), signals: parsed.signals, version, updatedAt });
    else await tx.repository(ScoringRules).update({}, { signals: parsed.signals, version, updatedAt });
    tx.publish(new ScoringRulesChanged(tx.context, { version }));
    tx.audit({ action: 'scoring_rules.replaced', entityType: 'scoring_rules', before: { signals: before.signals }, after: { signals: parsed.signals } });
    return { signals: parsed.signals, version, updatedAt: updatedAt.toISOString() };
  }
}
