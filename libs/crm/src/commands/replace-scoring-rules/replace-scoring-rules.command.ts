import { TenantCommand, TenantContext } from '@saler/platform';
import { ScoringRulesView } from '../scoring-rules.view';
import { ReplaceScoringRulesRequest } from './replace-scoring-rules.request';

export class ReplaceScoringRulesCommand extends TenantCommand<ScoringRulesView> {
  constructor(
    context: TenantContext,
    readonly input: ReplaceScoringRulesRequest,
  ) {
    super(context);
  }
}
