import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, PageRequest, TenantContext } from '@saler/platform';
import { CategoryPage, CategoryView } from '../commands/category.view';
import { CreateCategoryCommand } from '../commands/create-category/create-category.command';
import { CreateCategoryRequest } from '../commands/create-category/create-category.request';
import { DeleteCategoryCommand } from '../commands/delete-category/delete-category.command';
import { UpdateCategoryCommand } from '../commands/update-category/update-category.command';
import { UpdateCategoryRequest } from '../commands/update-category/update-category.request';
import { GetCategoryQuery } from '../queries/get-category/get-category.query';
import { ListCategoriesQuery } from '../queries/list-categories/list-categories.query';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog/categories')
export class CategoriesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: CategoryPage })
  list(@Query() request: PageRequest, @CurrentContext() context: TenantContext): Promise<CategoryPage> {
    return this.queryBus.execute(new ListCategoriesQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }));
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Catalog'))
  @ApiCreatedResponse({ type: CategoryView })
  @ApiConflictResponse({ description: 'A category of that name (any case) exists' })
  create(@Body() body: CreateCategoryRequest, @CurrentContext() context: TenantContext): Promise<CategoryView> {
    return this.commandBus.execute(new CreateCategoryCommand(context, body));
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: CategoryView })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<CategoryView> {
    return this.queryBus.execute(new GetCategoryQuery(context, id));
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Catalog'))
  @ApiOkResponse({ type: CategoryView })
  @ApiConflictResponse({ description: 'Another category has that name' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateCategoryRequest, @CurrentContext() context: TenantContext): Promise<CategoryView> {
    return this.commandBus.execute(new UpdateCategoryCommand(context, id, body));
  }

  @Delete(':id')
  @CheckPolicies((ability) => ability.can('delete', 'Catalog'))
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted, with its availability marks' })
  @ApiConflictResponse({ description: 'category-in-use: it has options or prices (set active to false instead)' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<void> {
    await this.commandBus.execute(new DeleteCategoryCommand(context, id));
  }
}
