import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, TenantContext } from '@saler/platform';
import { ReplaceScoringRulesCommand } from '../commands/replace-scoring-rules/replace-scoring-rules.command';
import { ReplaceScoringRulesRequest } from '../commands/replace-scoring-rules/replace-scoring-rules.request';
import { ScoringRulesView } from '../commands/scoring-rules.view';
import { GetScoringRulesQuery } from '../queries/get-scoring-rules/get-scoring-rules.query';

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('scoring-rules')
export class ScoringRulesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'ScoringRule'))
  @ApiOkResponse({ type: ScoringRulesView })
  get(@CurrentContext() context: TenantContext): Promise<ScoringRulesView> {
    return this.queryBus.execute(new GetScoringRulesQuery(context));
  }

  @Put()
  @CheckPolicies((ability) => ability.can('update', 'ScoringRule'))
  @ApiOkResponse({ type: ScoringRulesView, description: 'The new rules; every lead is rescored in the background' })
  replace(@Body() body: ReplaceScoringRulesRequest, @CurrentContext() context: TenantContext): Promise<ScoringRulesView> {
    return this.commandBus.execute(new ReplaceScoringRulesCommand(context, body));
  }
}
