import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';
import { lowerCaseUuid } from '../../domain/lower-case-uuid';
import { PriceRequest } from '../price.request';

/** The add-on price of an option. */
export class AddOptionPriceRequest extends PriceRequest {
  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCaseUuid)
  @IsUUID()
  optionId: string;
}
