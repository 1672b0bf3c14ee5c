import { PartialType, PickType } from '@nestjs/swagger';
import { CreateLeadRequest } from '../create-lead/create-lead.request';

/** The lead's own fields; stage, assignee and outcome change through their commands. `tags` replaces the set. */
export class UpdateLeadRequest extends PartialType(PickType(CreateLeadRequest, ['contactId', 'title', 'valueMinor', 'currency', 'tags', 'expectedCloseDate'] as const)) {}
