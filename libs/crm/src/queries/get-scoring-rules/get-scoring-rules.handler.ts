import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { currentScoringRules } from '../../commands/scoring-rules-store';
import { ScoringRulesView } from '../../commands/scoring-rules.view';
import { GetScoringRulesQuery } from './get-scoring-rules.query';

@QueryHandler(GetScoringRulesQuery)
export class GetScoringRulesHandler extends TenantQueryHandler<GetScoringRulesQuery, ScoringRulesView> {
  protected handle(_query: GetScoringRulesQuery, tx: TenantTx): Promise<ScoringRulesView> {
    return currentScoringRules(tx);
  }
}
