import { TenantTx } from '@saler/platform';
import { DEFAULT_SCORING_SIGNALS, ScoringSignal } from '../domain/lead-scoring';
import { ScoringRules } from '../domain/scoring-rules.entity';
import { ScoringRulesView } from './scoring-rules.view';

/** The tenant's rules; a tenant registered before scoring existed has none and scores with the defaults (version 0). */
export async function currentScoringRules(tx: TenantTx): Promise<ScoringRulesView> {
  const rules = await tx.repository(ScoringRules).findOne({});
  return rules === null ? { signals: DEFAULT_SCORING_SIGNALS, version: 0, updatedAt: null } : { signals: rules.signals, version: rules.version, updatedAt: rules.updatedAt.toISOString() };
}

export async function signalsOf(tx: TenantTx): Promise<ScoringSignal[]> {
  return (await currentScoringRules(tx)).signals;
}
