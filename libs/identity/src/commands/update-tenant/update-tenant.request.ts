import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, registerDecorator } from 'class-validator';

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

function IsTimeZone() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      validator: { validate: (value: unknown) => typeof value === 'string' && TIME_ZONES.has(value), defaultMessage: () => `${propertyName} must be an IANA time zone` },
    });
}

function IsFlatSettings() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isFlatSettings',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 50 &&
          Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)),
        defaultMessage: () => `${propertyName} must be an object of at most 50 scalar values`,
      },
    });
}

export class UpdateTenantRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'pt-BR' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'locale must be a language tag such as en or pt-BR' })
  locale?: string;

  @ApiPropertyOptional({ example: 'Europe/Lisbon' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  retentionDays?: number;

  @ApiPropertyOptional({ type: Object, description: 'Replaces the settings object (at most 50 scalar values)' })
  @IsOptional()
  @IsObject()
  @IsFlatSettings()
  settings?: Record<string, string | number | boolean | null>;
}
