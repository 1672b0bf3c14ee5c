import { PartialType } from '@nestjs/swagger';
import { CreateCategoryRequest } from '../create-category/create-category.request';

/** Only the fields sent change; null (or "") clears the description. */
export class UpdateCategoryRequest extends PartialType(CreateCategoryRequest) {}
