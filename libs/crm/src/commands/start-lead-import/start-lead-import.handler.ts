import { CommandHandler } from '@nestjs/cqrs';
import { startCsvUploadJob, TenantCommandHandler, TenantTx } from '@saler/platform';
import { resolveHeader } from '../../domain/lead-import-row';
import { LeadImportRequested } from '../../events/lead-import-requested.event';
import { LeadImportAccepted } from './lead-import.view';
import { StartLeadImportCommand } from './start-lead-import.command';

export const LEAD_IMPORT_JOB = 'import.leads';

/** Stores the upload as a queued job (header checked at once) and asks the worker to import it, in one transaction. */
@CommandHandler(StartLeadImportCommand)
export class StartLeadImportHandler extends TenantCommandHandler<StartLeadImportCommand, LeadImportAccepted> {
  protected async handle(command: StartLeadImportCommand, tx: TenantTx): Promise<LeadImportAccepted> {
    const { fileName, mapping, content } = command.upload;
    const { jobId, size } = await startCsvUploadJob(tx, { type: LEAD_IMPORT_JOB, params: { fileName, mapping }, content, checkHeader: (header) => resolveHeader(header, mapping) });
    tx.publish(new LeadImportRequested(tx.context, { jobId }));
    tx.audit({ action: 'lead.import_started', entityType: 'job', entityId: jobId, after: { fileName, size, mapping } });
    return { jobId };
  }
}
