import { ApiProperty } from '@nestjs/swagger';
import { Brand } from '../domain/brand.entity';

export class BrandView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Toyota' })
  name: string;

  @ApiProperty({ type: [String], example: ['Тойота'] })
  aliases: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class BrandPage {
  @ApiProperty({ type: [BrandView] })
  data: BrandView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export const toBrandView = (brand: Brand): BrandView => ({
  id: brand.id,
  name: brand.name,
  aliases: brand.aliases,
  createdAt: brand.createdAt.toISOString(),
  updatedAt: brand.updatedAt.toISOString(),
});
