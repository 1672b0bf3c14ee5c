import { ApiProperty } from '@nestjs/swagger';
import { BodyType } from '../domain/body-type.entity';
import { Brand } from '../domain/brand.entity';
import { Model } from '../domain/model.entity';

export class NamedRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class ModelView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: NamedRef })
  brand: NamedRef;

  @ApiProperty({ example: 'Camry' })
  name: string;

  @ApiProperty({ type: [String], example: ['камри'] })
  aliases: string[];

  @ApiProperty({ type: NamedRef })
  bodyType: NamedRef;

  @ApiProperty({ nullable: true, type: Number, example: 2011 })
  yearFrom: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 2017 })
  yearTo: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ModelPage {
  @ApiProperty({ type: [ModelView] })
  data: ModelView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export const toModelView = (
  model: Pick<Model, 'id' | 'name' | 'aliases' | 'yearFrom' | 'yearTo' | 'createdAt' | 'updatedAt'>,
  brand: Pick<Brand, 'id' | 'name'>,
  bodyType: Pick<BodyType, 'id' | 'name'>,
): ModelView => ({
  id: model.id,
  brand: { id: brand.id, name: brand.name },
  name: model.name,
  aliases: model.aliases,
  bodyType: { id: bodyType.id, name: bodyType.name },
  yearFrom: model.yearFrom,
  yearTo: model.yearTo,
  createdAt: model.createdAt.toISOString(),
  updatedAt: model.updatedAt.toISOString(),
});
