import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsObject, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { CustomAttributes } from '../../domain/contact.entity';
import { CHANNEL_TYPES, ChannelType, OptionalNotNull, Trim } from '@saler/platform';

export class ContactIdentityRequest {
  @ApiProperty({ enum: CHANNEL_TYPES })
  @IsIn(CHANNEL_TYPES)
  channel: ChannelType;

  @ApiProperty({ example: '123456789', description: "The user's id on that platform" })
  @IsString()
  @Length(1, 200)
  platformUserId: string;
}

export class CreateContactRequest {
  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Stored lower-cased' })
  @OptionalNotNull()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ example: '+14155552671', description: 'Any common format with a country code; stored as E.164' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'en', description: 'BCP 47 language tag' })
  @OptionalNotNull()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'locale must be a language tag such as en or pt-BR' })
  locale?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'At most 50 keys; values are strings, numbers, booleans or null' })
  @OptionalNotNull()
  @IsObject()
  attributes?: CustomAttributes;

  @ApiPropertyOptional({ type: [ContactIdentityRequest], description: 'Chat platform ids; each is unique per tenant' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactIdentityRequest)
  identities?: ContactIdentityRequest[];
}
