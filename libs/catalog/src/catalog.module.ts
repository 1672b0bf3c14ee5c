import { Module } from '@nestjs/common';
import { AddBasePriceHandler } from './commands/add-base-price/add-base-price.handler';
import { AddModelPriceHandler } from './commands/add-model-price/add-model-price.handler';
import { AddOptionPriceHandler } from './commands/add-option-price/add-option-price.handler';
import { CreateBodyTypeHandler } from './commands/create-body-type/create-body-type.handler';
import { CreateBrandHandler } from './commands/create-brand/create-brand.handler';
import { CreateCategoryHandler } from './commands/create-category/create-category.handler';
import { CreateModelHandler } from './commands/create-model/create-model.handler';
import { CreateOptionHandler } from './commands/create-option/create-option.handler';
import { DeleteBodyTypeHandler } from './commands/delete-body-type/delete-body-type.handler';
import { DeleteBrandHandler } from './commands/delete-brand/delete-brand.handler';
import { DeleteCategoryHandler } from './commands/delete-category/delete-category.handler';
import { DeleteModelHandler } from './commands/delete-model/delete-model.handler';
import { DeleteOptionHandler } from './commands/delete-option/delete-option.handler';
import { RunCatalogImportHandler } from './commands/run-catalog-import/run-catalog-import.handler';
import { SetAvailabilityHandler } from './commands/set-availability/set-availability.handler';
import { StartCatalogImportHandler } from './commands/start-catalog-import/start-catalog-import.handler';
import { UpdateBodyTypeHandler } from './commands/update-body-type/update-body-type.handler';
import { UpdateBrandHandler } from './commands/update-brand/update-brand.handler';
import { UpdateCategoryHandler } from './commands/update-category/update-category.handler';
import { UpdateModelHandler } from './commands/update-model/update-model.handler';
import { UpdateOptionHandler } from './commands/update-option/update-option.handler';
import { CatalogTenantProvisioner } from './catalog-tenant-provisioner';
import { AnswerWithQuoteHandler } from './queries/answer-with-quote/answer-with-quote.handler';
import { CalculateQuoteHandler } from './queries/calculate-quote/calculate-quote.handler';
import { GetBodyTypeHandler } from './queries/get-body-type/get-body-type.handler';
import { GetBrandHandler } from './queries/get-brand/get-brand.handler';
import { GetCategoryHandler } from './queries/get-category/get-category.handler';
import { GetModelHandler } from './queries/get-model/get-model.handler';
import { GetOptionHandler } from './queries/get-option/get-option.handler';
import { ListAvailabilityHandler } from './queries/list-availability/list-availability.handler';
import { ListBasePricesHandler } from './queries/list-base-prices/list-base-prices.handler';
import { ListBodyTypesHandler } from './queries/list-body-types/list-body-types.handler';
import { ListBrandsHandler } from './queries/list-brands/list-brands.handler';
import { ListCategoriesHandler } from './queries/list-categories/list-categories.handler';
import { ListModelPricesHandler } from './queries/list-model-prices/list-model-prices.handler';
import { ListModelsHandler } from './queries/list-models/list-models.handler';
import { ListOptionPricesHandler } from './queries/list-option-prices/list-option-prices.handler';
import { ListOptionsHandler } from './queries/list-options/list-options.handler';
import { SearchModelsHandler } from './queries/search-models/search-models.handler';

/** Brands, models, body types, product categories and options, availability, prices, search, quotes and imports: handlers, and the default body types every new tenant gets. */
@Module({
  providers: [
    CatalogTenantProvisioner,
    AddBasePriceHandler,
    AddModelPriceHandler,
    AddOptionPriceHandler,
    AnswerWithQuoteHandler,
    CalculateQuoteHandler,
    CreateBodyTypeHandler,
    CreateBrandHandler,
    CreateCategoryHandler,
    CreateModelHandler,
    CreateOptionHandler,
    DeleteBodyTypeHandler,
    DeleteBrandHandler,
    DeleteCategoryHandler,
    DeleteModelHandler,
    DeleteOptionHandler,
    GetBodyTypeHandler,
    GetBrandHandler,
    GetCategoryHandler,
    GetModelHandler,
    GetOptionHandler,
    ListAvailabilityHandler,
    ListBasePricesHandler,
    ListBodyTypesHandler,
    ListBrandsHandler,
    ListCategoriesHandler,
    ListModelPricesHandler,
    ListModelsHandler,
    ListOptionPricesHandler,
    ListOptionsHandler,
    RunCatalogImportHandler,
    SearchModelsHandler,
    SetAvailabilityHandler,
    StartCatalogImportHandler,
    UpdateBodyTypeHandler,
    UpdateBrandHandler,
    UpdateCategoryHandler,
    UpdateModelHandler,
    UpdateOptionHandler,
  ],
})
export class CatalogModule {}
