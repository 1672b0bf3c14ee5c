import { PartialType } from '@nestjs/swagger';
import { CreateFaqRequest } from '../create-faq/create-faq.request';

/** Only the fields sent change; null (or "") clears the category, null the locale. */
export class UpdateFaqRequest extends PartialType(CreateFaqRequest) {}
