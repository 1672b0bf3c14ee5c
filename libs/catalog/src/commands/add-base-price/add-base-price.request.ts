import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';
import { lowerCaseUuid } from '../../domain/lower-case-uuid';
import { PriceRequest } from '../price.request';

/** The price of a category's product for every model of a body type. */
export class AddBasePriceRequest extends PriceRequest {
  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  categoryId: string;

  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  bodyTypeId: string;
}
