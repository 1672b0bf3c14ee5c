import { Module } from '@nestjs/common';
import { CatalogModule } from './catalog.module';
import { AvailabilityController } from './http/availability.controller';
import { BodyTypesController } from './http/body-types.controller';
import { BrandsController } from './http/brands.controller';
import { CatalogImportsController } from './http/catalog-imports.controller';
import { CategoriesController } from './http/categories.controller';
import { ModelsController } from './http/models.controller';
import { OptionsController } from './http/options.controller';
import { PricesController } from './http/prices.controller';
import { QuotesController } from './http/quotes.controller';

@Module({
  imports: [CatalogModule],
  controllers: [BrandsController, ModelsController, BodyTypesController, CategoriesController, OptionsController, AvailabilityController, PricesController, QuotesController, CatalogImportsController],
})
export class CatalogHttpModule {}
