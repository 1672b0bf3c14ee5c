import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateOptionRequest } from '../create-option/create-option.request';

/** Only the fields sent change; null (or "") clears the description. An option stays in its category. */
export class UpdateOptionRequest extends PartialType(OmitType(CreateOptionRequest, ['categoryId'] as const)) {}
