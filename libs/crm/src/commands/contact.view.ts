import { ApiProperty } from '@nestjs/swagger';
import { CHANNEL_TYPES, ChannelType } from '@saler/platform';
import { ContactIdentity } from '../domain/contact-identity.entity';
import { Contact, CustomAttributes } from '../domain/contact.entity';

export class ContactIdentityView {
  @ApiProperty({ enum: CHANNEL_TYPES })
  channel: ChannelType;

  @ApiProperty({ example: '123456789' })
  platformUserId: string;
}

export class ContactView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Lower-cased; *** for viewers' })
  email: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'E.164; *** for viewers' })
  phone: string | null;

  @ApiProperty({ nullable: true, type: String })
  locale: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  attributes: CustomAttributes;

  @ApiProperty({ type: [ContactIdentityView] })
  identities: ContactIdentityView[];

  @ApiProperty({ description: 'Also sent as the ETag header; send it back in If-Match to update' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ContactPage {
  @ApiProperty({ type: [ContactView] })
  data: ContactView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toContactView(contact: Contact, identities: ContactIdentity[]): ContactView {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    locale: contact.locale,
    attributes: contact.attributes,
    identities: identities.map((identity) => ({ channel: identity.channel, platformUserId: identity.platformUserId })),
    version: contact.version,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}
