import { CommandHandler } from '@nestjs/cqrs';
import { parse } from 'csv-parse/sync';
import { Job, newId, storeUpload, TenantCommandHandler, TenantTx } from '@saler/platform';
import { fieldProblem } from '../../domain/crm-problems';
import { ImportHeaderError, resolveHeader } from '../../domain/lead-import-row';
import { LeadImportRequested } from '../../events/lead-import-requested.event';
import { LeadImportAccepted } from './lead-import.view';
import { StartLeadImportCommand } from './start-lead-import.command';

export const LEAD_IMPORT_JOB = 'import.leads';

/**
 * Checks the header at once (a file that cannot be imported is a 400, not a failed job), streams the
 * file into the job's chunks and publishes the request, all in one transaction: either the job and
 * its whole file exist and the worker will run it, or nothing does.
 */
@CommandHandler(StartLeadImportCommand)
export class StartLeadImportHandler extends TenantCommandHandler<StartLeadImportCommand, LeadImportAccepted> {
  protected async handle(command: StartLeadImportCommand, tx: TenantTx): Promise<LeadImportAccepted> {
    const jobId = newId();
    const { fileName, mapping } = command.upload;
    await tx.repository(Job).insert({
      id: jobId,
      type: LEAD_IMPORT_JOB,
      status: 'queued',
      progress: 0,
      processed: 0,
      failed: 0,
      errors: [],
      result: {},
      params: { fileName, mapping },
      createdBy: tx.context.actor.id,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
    });
    const size = await storeUpload(tx, jobId, command.upload.content, (chunk, seq) => {
      if (seq === 0) checkHeader(chunk, mapping);
    });
    await tx.repository(Job).update({ id: jobId }, { params: { fileName, mapping, size } });
    tx.publish(new LeadImportRequested(tx.context, { jobId }));
    tx.audit({ action: 'lead.import_started', entityType: 'job', entityId: jobId, after: { fileName, size, mapping } });
    return { jobId };
  }
}

function checkHeader(chunk: Buffer, mapping: Record<string, string>): void {
  const text = chunk.toString('utf8');
  const end = text.search(/\r?\n/);
  if (end < 0 && chunk.length >= 1024 * 1024) throw fieldProblem('file', 'The first line (the header) is longer than 1 MiB');
  const line = end < 0 ? text : text.slice(0, end);
  if (line.trim() === '') throw fieldProblem('file', 'The file is empty or starts with an empty line; the first line must be the header');
  try {
    const [header] = parse(line, { bom: true, relax_quotes: true }) as string[][];
    resolveHeader(header ?? [], mapping);
  } catch (error) {
    if (error instanceof ImportHeaderError) throw fieldProblem('file', error.message);
    throw fieldProblem('file', `The header line is not valid CSV: ${(error as Error).message}`);
  }
}
