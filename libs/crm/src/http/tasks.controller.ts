import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { callerOf, CheckPolicies, CurrentContext, CurrentPrincipal, DEFAULT_PAGE_SIZE, Principal, TenantContext } from '@saler/platform';
import { CompleteTaskCommand } from '../commands/complete-task/complete-task.command';
import { CreateTaskCommand } from '../commands/create-task/create-task.command';
import { CreateTaskRequest } from '../commands/create-task/create-task.request';
import { TaskPage, TaskView } from '../commands/task.view';
import { UpdateTaskCommand } from '../commands/update-task/update-task.command';
import { UpdateTaskRequest } from '../commands/update-task/update-task.request';
import { ListTasksQuery } from '../queries/list-tasks/list-tasks.query';
import { ListTasksRequest } from '../queries/list-tasks/list-tasks.request';


@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Task'))
  @ApiOkResponse({ type: TaskPage })
  list(@Query() request: ListTasksRequest, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<TaskPage> {
    const { limit, cursor, ...filters } = request;
    return this.queryBus.execute(new ListTasksQuery(context, filters, { limit: limit ?? DEFAULT_PAGE_SIZE, cursor }, principal.userId));
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Task'))
  @ApiCreatedResponse({ type: TaskView })
  create(@Body() body: CreateTaskRequest, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.commandBus.execute(new CreateTaskCommand(context, callerOf(principal), body));
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Task'))
  @ApiOkResponse({ type: TaskView })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateTaskRequest, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.commandBus.execute(new UpdateTaskCommand(context, callerOf(principal), id, body));
  }

  @Post(':id/complete')
  @CheckPolicies((ability) => ability.can('update', 'Task'))
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TaskView })
  complete(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext, @CurrentPrincipal() principal: Principal): Promise<TaskView> {
    return this.commandBus.execute(new CompleteTaskCommand(context, callerOf(principal), id));
  }
}
