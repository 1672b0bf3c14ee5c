import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CsvError, parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { deleteUpload, Job, JobRowError, MAX_JOB_ERRORS, readUpload, TenantContext, TenantTx, UnitOfWork } from '@saler/platform';
import { ContactFieldError } from '../../domain/contact-fields';
import { ColumnTarget, ImportDefaults, ImportedRow, ImportHeaderError, mapImportRow, resolveHeader } from '../../domain/lead-import-row';
import { Pipeline } from '../../domain/pipeline.entity';
import { Stage } from '../../domain/stage.entity';
import { LeadsImported } from '../../events/leads-imported.event';
import { importBatch } from './lead-import-batch';
import { RunLeadImportCommand } from './run-lead-import.command';

/** Rows per unit of work. */
export const IMPORT_BATCH_ROWS = 1000;

interface Progress {
  /** The last line committed; a retry skips up to here. */
  lastLine: number;
  contactsCreated: number;
  contactsMatched: number;
  leadsCreated: number;
}

interface Pending {
  rows: ImportedRow[];
  errors: JobRowError[];
  lastLine: number;
}

/**
 * Streams the stored file through csv-parse and writes it one unit of work per batch; each batch
 * also moves the job's progress, counts and resume point, so what GET /jobs shows is what is
 * committed. Not a TenantCommandHandler: it opens many short units of work, not one long one.
 */
@CommandHandler(RunLeadImportCommand)
export class RunLeadImportHandler implements ICommandHandler<RunLeadImportCommand, void> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(command: RunLeadImportCommand): Promise<void> {
    const { context, jobId } = command;
    const job = await this.unitOfWork.runSeparately(context, async (tx) => {
      const found = await tx.repository(Job).findOne({ id: jobId });
      if (found === null || found.status === 'completed' || found.status === 'failed') return null;
      await tx.repository(Job).update({ id: jobId }, { status: 'running', startedAt: found.startedAt ?? new Date() });
      return found;
    });
    if (job === null) return;
    try {
      await this.importFile(context, job);
    } catch (error) {
      if (error instanceof CsvError || error instanceof ImportHeaderError) {
        const line = error instanceof CsvError ? Number(error.lines ?? 1) : 1;
        await this.finish(context, jobId, 'failed', { line, message: `The file could not be read past this line: ${error.message}` });
        return;
      }
      if (command.lastAttempt) await this.finish(context, jobId, 'failed', { line: 0, message: 'The import stopped on an internal error; the rows before it are imported' });
      throw error;
    }
    await this.finish(context, jobId, 'completed');
  }

  private async importFile(context: TenantContext, job: Job): Promise<void> {
    const size = Number(job.params.size ?? 0);
    const mapping = (job.params.mapping ?? {}) as Record<string, string>;
    const progress: Progress = { lastLine: 0, contactsCreated: 0, contactsMatched: 0, leadsCreated: 0, ...(job.result as unknown as Partial<Progress>) };
    const defaults = await this.unitOfWork.runSeparately(context, importDefaults);
    const parser = Readable.from(readUpload(this.unitOfWork, context, job.id)).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
    let targets: ColumnTarget[] | undefined;
    let width = 0;
    let pending: Pending = { rows: [], errors: [], lastLine: progress.lastLine };
    // One batch commits while the next is parsed; batches still commit one after another, in order.
    let committing: Promise<void> = Promise.resolve();
    const commit = async (batch: Pending, fraction: number) => {
      await committing;
      committing = this.commitBatch(context, job.id, batch, progress, fraction);
      committing.catch(() => undefined);
    };
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (targets === undefined) {
        targets = resolveHeader(record, mapping);
        width = record.length;
        continue;
      }
      if (info.lines <= progress.lastLine) continue;
      pending.lastLine = info.lines;
      if (record.length !== width) {
        pending.errors.push({ line: info.lines, message: `The row has ${record.length} fields; the header has ${width}` });
      } else {
        try {
          pending.rows.push(mapImportRow(record, targets, defaults));
        } catch (error) {
          if (!(error instanceof ContactFieldError)) throw error;
          pending.errors.push({ line: info.lines, message: error.message });
        }
      }
      if (pending.rows.length + pending.errors.length >= IMPORT_BATCH_ROWS) {
        await commit(pending, size > 0 ? (parser as unknown as { info: { bytes: number } }).info.bytes / size : 0);
        pending = { rows: [], errors: [], lastLine: pending.lastLine };
      }
    }
    if (pending.rows.length + pending.errors.length > 0) await commit(pending, 1);
    await committing;
  }

  private commitBatch(context: TenantContext, jobId: string, pending: Pending, progress: Progress, fraction: number): Promise<void> {
    return this.unitOfWork.runSeparately(context, async (tx) => {
      const outcome = await importBatch(tx, jobId, pending.rows);
      const job = (await tx.repository(Job).findOne({ id: jobId })) as Job;
      Object.assign(progress, {
        lastLine: pending.lastLine,
        contactsCreated: progress.contactsCreated + outcome.contactsCreated,
        contactsMatched: progress.contactsMatched + outcome.contactsMatched,
        leadsCreated: progress.leadsCreated + outcome.leadIds.length,
      });
      await tx.repository(Job).update(
        { id: jobId },
        {
          processed: job.processed + pending.rows.length + pending.errors.length,
          failed: job.failed + pending.errors.length,
          errors: [...job.errors, ...pending.errors].slice(0, MAX_JOB_ERRORS),
          progress: Math.min(99, Math.floor(fraction * 100)),
          result: { ...progress },
        },
      );
      if (outcome.leadIds.length > 0) tx.publish(new LeadsImported(tx.context, { jobId, leadIds: outcome.leadIds }));
      tx.audit({ action: 'lead.imported', entityType: 'job', entityId: jobId, after: { lines: pending.lastLine, leads: outcome.leadIds.length, contactsCreated: outcome.contactsCreated, rowErrors: pending.errors.length } });
    });
  }

  private finish(context: TenantContext, jobId: string, status: 'completed' | 'failed', error?: JobRowError): Promise<void> {
    return this.unitOfWork.runSeparately(context, async (tx) => {
      const job = (await tx.repository(Job).findOne({ id: jobId })) as Job;
      await tx.repository(Job).update(
        { id: jobId },
        { status, progress: status === 'completed' ? 100 : job.progress, finishedAt: new Date(), errors: error ? [...job.errors, error].slice(-MAX_JOB_ERRORS) : job.errors },
      );
      await deleteUpload(tx, jobId);
      tx.audit({ action: `lead.import_${status}`, entityType: 'job', entityId: jobId, after: { processed: job.processed, failed: job.failed, ...job.result } });
    });
  }
}

/** Rows go to the default pipeline: its stages by name, and its first stage for rows without one. */
async function importDefaults(tx: TenantTx): Promise<ImportDefaults> {
  const pipeline = await tx.repository(Pipeline).findOne({ isDefault: true });
  if (pipeline === null) throw new ImportHeaderError('This tenant has no default pipeline to import leads into');
  const list = await tx.repository(Stage).find({ where: { pipelineId: pipeline.id }, order: { position: 'ASC' } });
  return { stages: new Map(list.map((stage) => [stage.name.toLowerCase(), stage])), first: list[0], currency: 'USD' };
}
