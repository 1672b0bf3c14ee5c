import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, TenantContext } from '@saler/platform';
import { BrandPage, BrandView } from '../commands/brand.view';
import { CreateBrandCommand } from '../commands/create-brand/create-brand.command';
import { CreateBrandRequest } from '../commands/create-brand/create-brand.request';
import { DeleteBrandCommand } from '../commands/delete-brand/delete-brand.command';
import { UpdateBrandCommand } from '../commands/update-brand/update-brand.command';
import { UpdateBrandRequest } from '../commands/update-brand/update-brand.request';
import { GetBrandQuery } from '../queries/get-brand/get-brand.query';
import { ListBrandsQuery } from '../queries/list-brands/list-brands.query';
import { ListBrandsRequest } from '../queries/list-brands/list-brands.request';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog/brands')
export class BrandsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: BrandPage })
  list(@Query() request: ListBrandsRequest, @CurrentContext() context: TenantContext): Promise<BrandPage> {
    return this.queryBus.execute(new ListBrandsQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, request.q));
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Catalog'))
  @ApiCreatedResponse({ type: BrandView })
  @ApiConflictResponse({ description: 'A brand of that name (any case) exists' })
  create(@Body() body: CreateBrandRequest, @CurrentContext() context: TenantContext): Promise<BrandView> {
    return this.commandBus.execute(new CreateBrandCommand(context, body));
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: BrandView })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<BrandView> {
    return this.queryBus.execute(new GetBrandQuery(context, id));
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Catalog'))
  @ApiOkResponse({ type: BrandView })
  @ApiConflictResponse({ description: 'Another brand has that name' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateBrandRequest, @CurrentContext() context: TenantContext): Promise<BrandView> {
    return this.commandBus.execute(new UpdateBrandCommand(context, id, body));
  }

  @Delete(':id')
  @CheckPolicies((ability) => ability.can('delete', 'Catalog'))
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'brand-has-models: delete or move its models first' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentContext() context: TenantContext): Promise<void> {
    await this.commandBus.execute(new DeleteBrandCommand(context, id));
  }
}
