import { PartialType } from '@nestjs/swagger';
import { CreateBrandRequest } from '../create-brand/create-brand.request';

/** Only the fields sent change; `aliases`, when sent, replaces the brand's list. */
export class UpdateBrandRequest extends PartialType(CreateBrandRequest) {}
