import { Availability } from './domain/availability.entity';
import { BasePrice } from './domain/base-price.entity';
import { BodyType } from './domain/body-type.entity';
import { Brand } from './domain/brand.entity';
import { ModelPrice } from './domain/model-price.entity';
import { ModelSearchTerm } from './domain/model-search-term.entity';
import { Model } from './domain/model.entity';
import { OptionPrice } from './domain/option-price.entity';
import { ProductCategory } from './domain/product-category.entity';
import { ProductOption } from './domain/product-option.entity';

export const CATALOG_ENTITIES: Function[] = [Brand, BodyType, Model, ModelSearchTerm, ProductCategory, ProductOption, Availability, BasePrice, ModelPrice, OptionPrice];
