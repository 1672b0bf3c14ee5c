import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';
import { lowerCaseUuid } from '../../domain/lower-case-uuid';
import { PriceRequest } from '../price.request';

/** A model's own price of a category, used instead of its body type's base price. */
export class AddModelPriceRequest extends PriceRequest {
  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  modelId: string;

  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  categoryId: string;
}
