import { TenantQuery } from '@saler/platform';
import { ScoringRulesView } from '../../commands/scoring-rules.view';

export class GetScoringRulesQuery extends TenantQuery<ScoringRulesView> {}
