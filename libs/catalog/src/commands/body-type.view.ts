import { ApiProperty } from '@nestjs/swagger';
import { BodyType } from '../domain/body-type.entity';

export class BodyTypeView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'sedan' })
  name: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class BodyTypePage {
  @ApiProperty({ type: [BodyTypeView] })
  data: BodyTypeView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export const toBodyTypeView = (bodyType: BodyType): BodyTypeView => ({ id: bodyType.id, name: bodyType.name, createdAt: bodyType.createdAt.toISOString() });
