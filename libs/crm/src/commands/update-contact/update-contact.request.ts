import { PartialType } from '@nestjs/swagger';
import { CreateContactRequest } from '../create-contact/create-contact.request';

/** Only the fields sent change; `identities`, when sent, replaces the contact's set. */
export class UpdateContactRequest extends PartialType(CreateContactRequest) {}
