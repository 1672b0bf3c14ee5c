import { TenantCommand, TenantContext } from '@saler/platform';

/** Imports a stored CSV, batch by batch; resumable: a retry continues after the last committed line. */
export class RunLeadImportCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly jobId: string,
    /** On the queue's last attempt an unexpected failure marks the job failed instead of leaving it running. */
    readonly lastAttempt: boolean,
  ) {
    super(context);
  }
}
