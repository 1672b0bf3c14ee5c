import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, IsUrl, Length, Matches, Max, MaxLength, Min, registerDecorator, ValidateNested } from 'class-validator';
import { OptionalNotNull, Trim } from '@saler/platform';
import { BusinessHours } from '../../domain/bot-settings.entity';
import { businessHoursProblem, isTimeZone } from '../../domain/business-hours';
import { localePhrasesProblem } from '../../domain/locale-phrases';
import { LOCALE_MESSAGE, LOCALE_PATTERN, MAX_LOCALE_LENGTH } from '../../domain/locale';

/** Checks a JSON-shaped property with a domain rule that says what is wrong (null: nothing). */
function Satisfies(problem: (value: unknown) => string | null) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'satisfies',
      target: target.constructor,
      propertyName,
      validator: { validate: (value: unknown) => problem(value) === null, defaultMessage: (args) => problem(args?.value) ?? '' },
    });
}

export class LlmProviderRequest {
  @ApiProperty({ example: 'https://api.openai.com/v1', description: 'An OpenAI-compatible API base; the bot POSTs to <baseUrl>/chat/completions' })
  @IsString()
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'baseUrl must be an http or https URL' })
  baseUrl: string;

  @ApiProperty({ example: 'gpt-4o-mini', minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @Length(1, 100)
  model: string;

  @ApiPropertyOptional({ writeOnly: true, minLength: 1, maxLength: 500, description: 'Sealed at rest and never shown again; omit it to keep the stored key (required when none is stored)' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 500)
  apiKey?: string;
}

/** Only the fields sent change; handoffKeywords, priceKeywords and businessHours are replaced whole. */
export class UpdateBotSettingsRequest {
  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.45 })
  @OptionalNotNull()
  @IsNumber()
  @Min(0)
  @Max(1)
  matchThreshold?: number;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'An IANA time zone' })
  @OptionalNotNull()
  @Satisfies((value) => (isTimeZone(value) ? null : 'timezone must be an IANA time zone such as Europe/Berlin'))
  timezone?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
    example: { mon: [['09:00', '13:00'], ['14:00', '18:00']], sat: [['10:00', '14:00']] },
    description: 'Weekdays (mon … sun) → up to 4 ["HH:MM", "HH:MM"] ranges; a range cannot cross midnight (end it at "24:00" and start the next day at "00:00"); null: always open',
  })
  @IsOptional()
  @Satisfies(businessHoursProblem)
  businessHours?: BusinessHours | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { en: ['human', 'operator'], ru: ['оператор'] },
    description: 'Locale → 1 to 30 phrases of 1 to 100 characters',
  })
  @OptionalNotNull()
  @Satisfies(localePhrasesProblem('handoffKeywords'))
  handoffKeywords?: Record<string, string[]>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { en: ['how much', 'price'], ru: ['сколько стоит', 'цена'] },
    description: 'Locale → 1 to 30 phrases of 1 to 100 characters that ask for a price',
  })
  @OptionalNotNull()
  @Satisfies(localePhrasesProblem('priceKeywords'))
  priceKeywords?: Record<string, string[]>;

  @ApiPropertyOptional({ example: 'en' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(MAX_LOCALE_LENGTH)
  @Matches(LOCALE_PATTERN, { message: LOCALE_MESSAGE })
  defaultLocale?: string;

  @ApiPropertyOptional({ nullable: true, type: LlmProviderRequest, description: 'null removes the provider and its key' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LlmProviderRequest)
  llm?: LlmProviderRequest | null;
}
