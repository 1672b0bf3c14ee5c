import { ApiProperty } from '@nestjs/swagger';
import { ProductCategory } from '../domain/product-category.entity';

export class CategoryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'EVA mats' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ description: 'Inactive categories are not quoted' })
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CategoryPage {
  @ApiProperty({ type: [CategoryView] })
  data: CategoryView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export const toCategoryView = (category: ProductCategory): CategoryView => ({
  id: category.id,
  name: category.name,
  description: category.description,
  active: category.active,
  createdAt: category.createdAt.toISOString(),
  updatedAt: category.updatedAt.toISOString(),
});
