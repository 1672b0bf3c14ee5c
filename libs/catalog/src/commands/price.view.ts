import { ApiProperty } from '@nestjs/swagger';
import { BasePrice } from '../domain/base-price.entity';
import { ModelPrice } from '../domain/model-price.entity';
import { OptionPrice } from '../domain/option-price.entity';

class PriceView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 450000, description: 'In minor units (cents, kopecks)' })
  amountMinor: number;

  @ApiProperty({ example: 'RUB', description: 'ISO 4217' })
  currency: string;

  @ApiProperty({ format: 'date-time', description: 'The price holds from this moment until a row of the same key with a later validFrom' })
  validFrom: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class BasePriceView extends PriceView {
  @ApiProperty({ format: 'uuid' })
  categoryId: string;

  @ApiProperty({ format: 'uuid' })
  bodyTypeId: string;
}

export class ModelPriceView extends PriceView {
  @ApiProperty({ format: 'uuid' })
  modelId: string;

  @ApiProperty({ format: 'uuid' })
  categoryId: string;
}

export class OptionPriceView extends PriceView {
  @ApiProperty({ format: 'uuid' })
  optionId: string;
}

export class BasePricePage {
  @ApiProperty({ type: [BasePriceView] })
  data: BasePriceView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class ModelPricePage {
  @ApiProperty({ type: [ModelPriceView] })
  data: ModelPriceView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class OptionPricePage {
  @ApiProperty({ type: [OptionPriceView] })
  data: OptionPriceView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

const common = (row: BasePrice | ModelPrice | OptionPrice) => ({
  id: row.id,
  amountMinor: row.amountMinor,
  currency: row.currency,
  validFrom: row.validFrom.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

export const toBasePriceView = (row: BasePrice): BasePriceView => ({ ...common(row), categoryId: row.categoryId, bodyTypeId: row.bodyTypeId });
export const toModelPriceView = (row: ModelPrice): ModelPriceView => ({ ...common(row), modelId: row.modelId, categoryId: row.categoryId });
export const toOptionPriceView = (row: OptionPrice): OptionPriceView => ({ ...common(row), optionId: row.optionId });
