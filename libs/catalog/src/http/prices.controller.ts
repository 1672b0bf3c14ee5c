import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckPolicies, CurrentContext, DEFAULT_PAGE_SIZE, TenantContext } from '@saler/platform';
import { AddBasePriceCommand } from '../commands/add-base-price/add-base-price.command';
import { AddBasePriceRequest } from '../commands/add-base-price/add-base-price.request';
import { AddModelPriceCommand } from '../commands/add-model-price/add-model-price.command';
import { AddModelPriceRequest } from '../commands/add-model-price/add-model-price.request';
import { AddOptionPriceCommand } from '../commands/add-option-price/add-option-price.command';
import { AddOptionPriceRequest } from '../commands/add-option-price/add-option-price.request';
import { BasePricePage, BasePriceView, ModelPricePage, ModelPriceView, OptionPricePage, OptionPriceView } from '../commands/price.view';
import { ListBasePricesQuery } from '../queries/list-base-prices/list-base-prices.query';
import { ListBasePricesRequest } from '../queries/list-base-prices/list-base-prices.request';
import { ListModelPricesQuery } from '../queries/list-model-prices/list-model-prices.query';
import { ListModelPricesRequest } from '../queries/list-model-prices/list-model-prices.request';
import { ListOptionPricesQuery } from '../queries/list-option-prices/list-option-prices.query';
import { ListOptionPricesRequest } from '../queries/list-option-prices/list-option-prices.request';

const NEVER_CHANGED = 'Prices are rows that are never changed or deleted: a new price is a new row with a later validFrom.';
const CONFLICTS = 'price-exists: a price of this key already starts at that validFrom; price-history: validFrom is in the past and the key has prices';

/** Base prices (category × body type), per-model prices and option add-ons: append-only rows, listed with their history. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
export class PricesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('base-prices')
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: BasePricePage, description: 'Every row, history included, newest first' })
  listBase(@Query() request: ListBasePricesRequest, @CurrentContext() context: TenantContext): Promise<BasePricePage> {
    return this.queryBus.execute(new ListBasePricesQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, { categoryId: request.categoryId, bodyTypeId: request.bodyTypeId }));
  }

  @Post('base-prices')
  @CheckPolicies((ability) => ability.can('create', 'Catalog'))
  @ApiCreatedResponse({ type: BasePriceView, description: NEVER_CHANGED })
  @ApiConflictResponse({ description: CONFLICTS })
  addBase(@Body() body: AddBasePriceRequest, @CurrentContext() context: TenantContext): Promise<BasePriceView> {
    return this.commandBus.execute(new AddBasePriceCommand(context, body));
  }

  @Get('model-prices')
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: ModelPricePage, description: 'Every row, history included, newest first' })
  listModel(@Query() request: ListModelPricesRequest, @CurrentContext() context: TenantContext): Promise<ModelPricePage> {
    return this.queryBus.execute(new ListModelPricesQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, { modelId: request.modelId, categoryId: request.categoryId }));
  }

  @Post('model-prices')
  @CheckPolicies((ability) => ability.can('create', 'Catalog'))
  @ApiCreatedResponse({ type: ModelPriceView, description: `A model's own price of a category, used instead of the base price. ${NEVER_CHANGED}` })
  @ApiConflictResponse({ description: CONFLICTS })
  addModel(@Body() body: AddModelPriceRequest, @CurrentContext() context: TenantContext): Promise<ModelPriceView> {
    return this.commandBus.execute(new AddModelPriceCommand(context, body));
  }

  @Get('option-prices')
  @CheckPolicies((ability) => ability.can('read', 'Catalog'))
  @ApiOkResponse({ type: OptionPricePage, description: 'Every row, history included, newest first' })
  listOption(@Query() request: ListOptionPricesRequest, @CurrentContext() context: TenantContext): Promise<OptionPricePage> {
    return this.queryBus.execute(new ListOptionPricesQuery(context, { limit: request.limit ?? DEFAULT_PAGE_SIZE, cursor: request.cursor }, request.optionId));
  }

  @Post('option-prices')
  @CheckPolicies((ability) => ability.can('create', 'Catalog'))
  @ApiCreatedResponse({ type: OptionPriceView, description: NEVER_CHANGED })
  @ApiConflictResponse({ description: CONFLICTS })
  addOption(@Body() body: AddOptionPriceRequest, @CurrentContext() context: TenantContext): Promise<OptionPriceView> {
    return this.commandBus.execute(new AddOptionPriceCommand(context, body));
  }
}
