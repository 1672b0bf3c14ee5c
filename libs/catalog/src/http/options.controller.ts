import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, TenantContext } from '@saler/platform';
import { CreateOptionCommand } from '../commands/create-option/create-option.command';
import { CreateOptionRequest } from '../commands/create-option/create-option.request';
import { DeleteOptionCommand } from '../commands/delete-option/delete-option.command';
import { OptionPage, OptionView } from '../commands/option.view';
import { UpdateOptionCommand } from '../commands/update-option/update-option.command';
import { UpdateOptionRequest } from '../commands/update-option/update-option.request';
import { GetOptionQuery } from '../queries/get-option/get-option.query';
import { ListOptionsQuery } from '../queries/list-options/list-options.query';
import { ListOptionsRequest } from '../queries/list-options/list-options.request';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog/options')
export class OptionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: OptionPage })
  list(@Query() request: ListOptionsRequest, @CurrentContext() context: TenantContext): Promise<OptionPage> {
    return this.queryBus.execute(new ListOptionsQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, request.categoryId));
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Catalog'))
  @ApiCreatedResponse({ type: OptionView })
  @ApiConflictResponse({ description: 'The category has an option of that name (any case)' })
  create(@Body() body: CreateOptionRequest, @CurrentContext() context: TenantContext): Promise<OptionView> {
    return this.commandBus.execute(new CreateOptionCommand(context, body));
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: OptionView })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<OptionView> {
    return this.queryBus.execute(new GetOptionQuery(context, id));
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Catalog'))
  @ApiOkResponse({ type: OptionView })
  @ApiConflictResponse({ description: 'The category has another option of that name' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateOptionRequest, @CurrentContext() context: TenantContext): Promise<OptionView> {
    return this.commandBus.execute(new UpdateOptionCommand(context, id, body));
  }

  @Delete(':id')
  @CheckPolicies((ability) => ability.can('delete', 'Catalog'))
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'option-has-prices' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<void> {
    await this.commandBus.execute(new DeleteOptionCommand(context, id));
  }
}
