import { PartialType } from '@nestjs/swagger';
import { StageRequest } from '../create-pipeline/create-pipeline.request';

/** Rename, re-weigh or change the kind of a stage; the leads in it take the new kind as their status. */
export class UpdateStageRequest extends PartialType(StageRequest) {}
