import { PartialType } from '@nestjs/swagger';
import { CreateBodyTypeRequest } from '../create-body-type/create-body-type.request';

export class UpdateBodyTypeRequest extends PartialType(CreateBodyTypeRequest) {}
