import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, Matches, Max, Min } from 'class-validator';
import { OptionalNotNull } from '@saler/platform';

/** What every price carries: an amount in minor units, its currency and when it starts. */
export class PriceRequest {
  @ApiProperty({ example: 450000, description: 'In minor units of the currency (4500.00 RUB is 450000)' })
  @IsInt()
  @Min(0)
  @Max(1e13)
  amountMinor: number;

  @ApiProperty({ example: 'RUB', description: 'ISO 4217, upper case' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When the price starts (a date is midnight UTC); default now. Once a key has a price, a new one may not start in the past (quotes made since would change): 409 price-history',
  })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  validFrom?: string;
}
