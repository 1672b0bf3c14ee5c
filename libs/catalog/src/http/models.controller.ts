import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, TenantContext } from '@saler/platform';
import { CreateModelCommand } from '../commands/create-model/create-model.command';
import { CreateModelRequest } from '../commands/create-model/create-model.request';
import { DeleteModelCommand } from '../commands/delete-model/delete-model.command';
import { ModelPage, ModelView } from '../commands/model.view';
import { UpdateModelCommand } from '../commands/update-model/update-model.command';
import { UpdateModelRequest } from '../commands/update-model/update-model.request';
import { GetModelQuery } from '../queries/get-model/get-model.query';
import { ListModelsQuery } from '../queries/list-models/list-models.query';
import { ListModelsRequest } from '../queries/list-models/list-models.request';
import { ModelSearchResult } from '../queries/search-models/model-search.view';
import { SearchModelsQuery } from '../queries/search-models/search-models.query';
import { SearchModelsRequest } from '../queries/search-models/search-models.request';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog/models')
export class ModelsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: ModelPage })
  list(@Query() request: ListModelsRequest, @CurrentContext() context: TenantContext): Promise<ModelPage> {
    return this.queryBus.execute(new ListModelsQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, { brandId: request.brandId, bodyTypeId: request.bodyTypeId, q: request.q }));
  }

  @Get('search')
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: ModelSearchResult, description: 'Typo-tolerant search over brand + model names and aliases, Latin or Cyrillic, ranked by score' })
  search(@Query() request: SearchModelsRequest, @CurrentContext() context: TenantContext): Promise<ModelSearchResult> {
    return this.queryBus.execute(new SearchModelsQuery(context, request.q, request.limit ?? 10));
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Catalog'))
  @ApiCreatedResponse({ type: ModelView })
  @ApiConflictResponse({ description: 'The brand has a model of that name (any case)' })
  create(@Body() body: CreateModelRequest, @CurrentContext() context: TenantContext): Promise<ModelView> {
    return this.commandBus.execute(new CreateModelCommand(context, body));
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: ModelView })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<ModelView> {
    return this.queryBus.execute(new GetModelQuery(context, id));
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Catalog'))
  @ApiOkResponse({ type: ModelView })
  @ApiConflictResponse({ description: 'The brand has another model of that name' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateModelRequest, @CurrentContext() context: TenantContext): Promise<ModelView> {
    return this.commandBus.execute(new UpdateModelCommand(context, id, body));
  }

  @Delete(':id')
  @CheckPolicies((ability) => ability.can('delete', 'Catalog'))
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted, with its availability marks' })
  @ApiConflictResponse({ description: 'model-has-prices: the model has its own prices' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<void> {
    await this.commandBus.execute(new DeleteModelCommand(context, id));
  }
}
