import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, TenantContext } from '@saler/platform';
import { AvailabilityPage, AvailabilityView } from '../commands/availability.view';
import { SetAvailabilityCommand } from '../commands/set-availability/set-availability.command';
import { SetAvailabilityRequest } from '../commands/set-availability/set-availability.request';
import { ListAvailabilityQuery } from '../queries/list-availability/list-availability.query';
import { ListAvailabilityRequest } from '../queries/list-availability/list-availability.request';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog/availability')
export class AvailabilityController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: AvailabilityPage, description: 'The marked model × category pairs, most recently changed first; an unmarked pair is available' })
  list(@Query() request: ListAvailabilityRequest, @CurrentContext() context: TenantContext): Promise<AvailabilityPage> {
    return this.queryBus.execute(new ListAvailabilityQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, { modelId: request.modelId, categoryId: request.categoryId }));
  }

  @Put()
  @CheckPolicies((ability) => ability.can('update', 'Catalog'))
  @ApiOkResponse({ type: AvailabilityView, description: 'Created or replaced: one mark per model × category' })
  set(@Body() body: SetAvailabilityRequest, @CurrentContext() context: TenantContext): Promise<AvailabilityView> {
    return this.commandBus.execute(new SetAvailabilityCommand(context, body));
  }
}
