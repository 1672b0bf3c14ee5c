import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, PageRequest, TenantContext } from '@saler/platform';
import { BodyTypePage, BodyTypeView } from '../commands/body-type.view';
import { CreateBodyTypeCommand } from '../commands/create-body-type/create-body-type.command';
import { CreateBodyTypeRequest } from '../commands/create-body-type/create-body-type.request';
import { DeleteBodyTypeCommand } from '../commands/delete-body-type/delete-body-type.command';
import { UpdateBodyTypeCommand } from '../commands/update-body-type/update-body-type.command';
import { UpdateBodyTypeRequest } from '../commands/update-body-type/update-body-type.request';
import { GetBodyTypeQuery } from '../queries/get-body-type/get-body-type.query';
import { ListBodyTypesQuery } from '../queries/list-body-types/list-body-types.query';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog/body-types')
export class BodyTypesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: BodyTypePage, description: 'Every tenant starts with sedan, suv, minivan, hatchback, wagon, coupe and pickup' })
  list(@Query() request: PageRequest, @CurrentContext() context: TenantContext): Promise<BodyTypePage> {
    return this.queryBus.execute(new ListBodyTypesQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }));
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Catalog'))
  @ApiCreatedResponse({ type: BodyTypeView })
  @ApiConflictResponse({ description: 'A body type of that name (any case) exists' })
  create(@Body() body: CreateBodyTypeRequest, @CurrentContext() context: TenantContext): Promise<BodyTypeView> {
    return this.commandBus.execute(new CreateBodyTypeCommand(context, body));
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: BodyTypeView })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<BodyTypeView> {
    return this.queryBus.execute(new GetBodyTypeQuery(context, id));
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Catalog'))
  @ApiOkResponse({ type: BodyTypeView })
  @ApiConflictResponse({ description: 'Another body type has that name' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateBodyTypeRequest, @CurrentContext() context: TenantContext): Promise<BodyTypeView> {
    return this.commandBus.execute(new UpdateBodyTypeCommand(context, id, body));
  }

  @Delete(':id')
  @CheckPolicies((ability) => ability.can('delete', 'Catalog'))
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'body-type-in-use: models or prices use it' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<void> {
    await this.commandBus.execute(new DeleteBodyTypeCommand(context, id));
  }
}
