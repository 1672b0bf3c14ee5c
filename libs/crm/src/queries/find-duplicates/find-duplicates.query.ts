import { TenantContext, TenantQuery } from '@saler/platform';
import { DuplicateCandidateList } from './duplicate-candidate.view';

export class FindDuplicatesQuery extends TenantQuery<DuplicateCandidateList> {
  constructor(
    context: TenantContext,
    readonly contactId: string,
  ) {
    super(context);
  }
}
