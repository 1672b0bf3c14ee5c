import { ApiProperty } from '@nestjs/swagger';
import { Availability } from '../domain/availability.entity';

export class AvailabilityView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  modelId: string;

  @ApiProperty({ format: 'uuid' })
  categoryId: string;

  @ApiProperty()
  available: boolean;

  @ApiProperty({ nullable: true, type: String, example: 'Made to order: 5 working days' })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class AvailabilityPage {
  @ApiProperty({ type: [AvailabilityView] })
  data: AvailabilityView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export const toAvailabilityView = (row: Availability): AvailabilityView => ({
  id: row.id,
  modelId: row.modelId,
  categoryId: row.categoryId,
  available: row.available,
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});
