import { IntersectionType } from '@nestjs/swagger';
import { PageRequest } from '@saler/platform';
import { LeadFiltersRequest } from './lead-filters.request';

export class ListLeadsRequest extends IntersectionType(LeadFiltersRequest, PageRequest) {}
