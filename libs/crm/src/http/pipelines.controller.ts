import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, TenantContext } from '@saler/platform';
import { AddStageCommand } from '../commands/add-stage/add-stage.command';
import { AddStageRequest } from '../commands/add-stage/add-stage.request';
import { CreatePipelineCommand } from '../commands/create-pipeline/create-pipeline.command';
import { CreatePipelineRequest } from '../commands/create-pipeline/create-pipeline.request';
import { DeleteStageCommand } from '../commands/delete-stage/delete-stage.command';
import { PipelineList, PipelineView } from '../commands/pipeline.view';
import { ReorderStagesCommand } from '../commands/reorder-stages/reorder-stages.command';
import { ReorderStagesRequest } from '../commands/reorder-stages/reorder-stages.request';
import { UpdatePipelineCommand } from '../commands/update-pipeline/update-pipeline.command';
import { UpdatePipelineRequest } from '../commands/update-pipeline/update-pipeline.request';
import { UpdateStageCommand } from '../commands/update-stage/update-stage.command';
import { UpdateStageRequest } from '../commands/update-stage/update-stage.request';
import { GetPipelineQuery } from '../queries/get-pipeline/get-pipeline.query';
import { ListPipelinesQuery } from '../queries/list-pipelines/list-pipelines.query';

@ApiTags('pipelines')
@ApiBearerAuth()
@Controller('pipelines')
export class PipelinesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Pipeline'))
  @ApiOkResponse({ type: PipelineList })
  list(@CurrentContext() context: TenantContext): Promise<PipelineList> {
    return this.queryBus.execute(new ListPipelinesQuery(context));
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Pipeline'))
  @ApiCreatedResponse({ type: PipelineView })
  create(@Body() body: CreatePipelineRequest, @CurrentContext() context: TenantContext): Promise<PipelineView> {
    return this.commandBus.execute(new CreatePipelineCommand(context, body));
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Pipeline'))
  @ApiOkResponse({ type: PipelineView })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<PipelineView> {
    return this.queryBus.execute(new GetPipelineQuery(context, id));
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Pipeline'))
  @ApiOkResponse({ type: PipelineView })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdatePipelineRequest, @CurrentContext() context: TenantContext): Promise<PipelineView> {
    return this.commandBus.execute(new UpdatePipelineCommand(context, id, body));
  }

  @Post(':id/stages')
  @CheckPolicies((ability) => ability.can('update', 'Pipeline'))
  @ApiCreatedResponse({ type: PipelineView })
  addStage(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddStageRequest, @CurrentContext() context: TenantContext): Promise<PipelineView> {
    return this.commandBus.execute(new AddStageCommand(context, id, body));
  }

  @Put(':id/stages/order')
  @CheckPolicies((ability) => ability.can('update', 'Pipeline'))
  @ApiOkResponse({ type: PipelineView })
  reorder(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReorderStagesRequest, @CurrentContext() context: TenantContext): Promise<PipelineView> {
    return this.commandBus.execute(new ReorderStagesCommand(context, id, body.stageIds));
  }

  @Patch(':id/stages/:stageId')
  @CheckPolicies((ability) => ability.can('update', 'Pipeline'))
  @ApiOkResponse({ type: PipelineView })
  updateStage(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('stageId', new ParseUUIDPipe()) stageId: string,
    @Body() body: UpdateStageRequest,
    @CurrentContext() context: TenantContext,
  ): Promise<PipelineView> {
    return this.commandBus.execute(new UpdateStageCommand(context, id, stageId, body));
  }

  @Delete(':id/stages/:stageId')
  @CheckPolicies((ability) => ability.can('update', 'Pipeline'))
  @HttpCode(HttpStatus.OK)
  @ApiQuery({ name: 'moveTo', required: false, description: "Required when the stage holds leads: the stage they move to" })
  @ApiOkResponse({ type: PipelineView })
  deleteStage(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('stageId', new ParseUUIDPipe()) stageId: string,
    @Query('moveTo', new ParseUUIDPipe({ optional: true })) moveTo: string | undefined,
    @CurrentContext() context: TenantContext,
  ): Promise<PipelineView> {
    return this.commandBus.execute(new DeleteStageCommand(context, id, stageId, moveTo));
  }
}
