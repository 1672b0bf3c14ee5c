import { ApiProperty } from '@nestjs/swagger';
import { ProductOption } from '../domain/product-option.entity';

export class OptionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  categoryId: string;

  @ApiProperty({ example: 'With rims' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class OptionPage {
  @ApiProperty({ type: [OptionView] })
  data: OptionView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export const toOptionView = (option: ProductOption): OptionView => ({
  id: option.id,
  categoryId: option.categoryId,
  name: option.name,
  description: option.description,
  createdAt: option.createdAt.toISOString(),
  updatedAt: option.updatedAt.toISOString(),
});
