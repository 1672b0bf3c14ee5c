import { TenantContext } from '../../../context/tenant-context';
import { TenantQuery } from '../../../cqrs/tenant-command';
import { JobView } from '../../job.view';

export class GetJobQuery extends TenantQuery<JobView> {
  constructor(
    context: TenantContext,
    readonly jobId: string,
  ) {
    super(context);
  }
}
