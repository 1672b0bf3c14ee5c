import { PartialType } from '@nestjs/swagger';
import { CreateModelRequest } from '../create-model/create-model.request';

/** Only the fields sent change; `aliases` replaces the list; null clears yearFrom or yearTo. A new brandId moves the model. */
export class UpdateModelRequest extends PartialType(CreateModelRequest) {}
