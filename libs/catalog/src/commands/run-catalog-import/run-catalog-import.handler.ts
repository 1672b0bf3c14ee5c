import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CsvError, parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { deleteUpload, Job, JobRowError, MAX_JOB_ERRORS, readUpload, TenantContext, UnitOfWork } from '@saler/platform';
import { CatalogColumn, CatalogHeaderError, CatalogImportKind, ModelRow, parseModelRow, parsePriceRow, PriceRow, resolveCatalogHeader } from '../../domain/catalog-import-row';
import { CatalogValueError } from '../../domain/money';
import { importModelBatch, importPriceBatch, Lined } from './catalog-import-batch';
import { CatalogImportProgress, RunCatalogImportCommand } from './run-catalog-import.command';

/** Rows per unit of work. */
export const CATALOG_IMPORT_BATCH_ROWS = 1000;

interface Pending {
  rows: Lined<ModelRow | PriceRow>[];
  errors: JobRowError[];
  lastLine: number;
}

const ZERO = { models: { brandsCreated: 0, modelsCreated: 0, modelsUpdated: 0, unchanged: 0 }, prices: { pricesCreated: 0, unchanged: 0 } };

const progressOf = (job: Job): CatalogImportProgress => ({ status: job.status, progress: job.progress, processed: job.processed, failed: job.failed, errors: job.errors, result: job.result });

/**
 * Streams the stored file through csv-parse and writes it one unit of work per batch; each batch
 * also moves the job's progress, counts and resume point (`result.lastLine`), so what GET /jobs
 * shows is what is committed. Not a TenantCommandHandler: it opens many short units of work, each
 * its own (runSeparately), never one its async context happens to inherit.
 */
@CommandHandler(RunCatalogImportCommand)
export class RunCatalogImportHandler implements ICommandHandler<RunCatalogImportCommand, CatalogImportProgress | null> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(command: RunCatalogImportCommand): Promise<CatalogImportProgress | null> {
    const { context, jobId } = command;
    const job = await this.unitOfWork.runSeparately(context, async (tx) => {
      const found = await tx.repository(Job).findOne({ id: jobId });
      if (found === null || found.status === 'completed' || found.status === 'failed') return null;
      await tx.repository(Job).update({ id: jobId }, { status: 'running', startedAt: found.startedAt ?? new Date() });
      return found;
    });
    if (job === null) return null;
    try {
      await this.importFile(context, job, command.onProgress);
    } catch (error) {
      if (error instanceof CsvError || error instanceof CatalogHeaderError) {
        const line = error instanceof CsvError ? Number(error.lines ?? 1) : 1;
        return this.finish(context, jobId, 'failed', { line, message: `The file could not be read past this line: ${error.message}` });
      }
      if (command.lastAttempt) await this.finish(context, jobId, 'failed', { line: 0, message: 'The import stopped on an internal error; the rows before it are imported' });
      throw error;
    }
    return this.finish(context, jobId, 'completed');
  }

  private async importFile(context: TenantContext, job: Job, onProgress?: (progress: CatalogImportProgress) => void): Promise<void> {
    const kind = job.params.kind as CatalogImportKind;
    const size = Number(job.params.size ?? 0);
    const result: Record<string, number> = { lastLine: 0, ...ZERO[kind], ...(job.result as Record<string, number>) };
    const parser = Readable.from(readUpload(this.unitOfWork, context, job.id)).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
    let columns: CatalogColumn[] | undefined;
    let width = 0;
    let pending: Pending = { rows: [], errors: [], lastLine: result.lastLine };
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (columns === undefined) {
        columns = resolveCatalogHeader(kind, record);
        width = record.length;
        continue;
      }
      if (info.lines <= result.lastLine) continue;
      pending.lastLine = info.lines;
      if (record.length !== width) {
        pending.errors.push({ line: info.lines, message: `The row has ${record.length} fields; the header has ${width}` });
      } else {
        try {
          pending.rows.push({ line: info.lines, row: kind === 'models' ? parseModelRow(record, columns) : parsePriceRow(record, columns) });
        } catch (error) {
          if (!(error instanceof CatalogValueError)) throw error;
          pending.errors.push({ line: info.lines, message: error.message });
        }
      }
      if (pending.rows.length + pending.errors.length >= CATALOG_IMPORT_BATCH_ROWS) {
        const progress = await this.commitBatch(context, job, kind, pending, result, size > 0 ? (parser as unknown as { info: { bytes: number } }).info.bytes / size : 0);
        onProgress?.(progress);
        pending = { rows: [], errors: [], lastLine: pending.lastLine };
      }
    }
    if (pending.rows.length + pending.errors.length > 0) {
      // Not onProgress?.(await …): an optional call skips evaluating its arguments.
      const progress = await this.commitBatch(context, job, kind, pending, result, 1);
      onProgress?.(progress);
    }
  }

  private commitBatch(context: TenantContext, job: Job, kind: CatalogImportKind, pending: Pending, result: Record<string, number>, fraction: number): Promise<CatalogImportProgress> {
    return this.unitOfWork.runSeparately(context, async (tx) => {
      const outcome =
        kind === 'models'
          ? await importModelBatch(tx, pending.rows as Lined<ModelRow>[])
          : await importPriceBatch(tx, pending.rows as Lined<PriceRow>[], job.createdAt);
      const { errors: rowErrors, ...counts } = outcome;
      const errors = [...pending.errors, ...rowErrors].sort((a, b) => a.line - b.line);
      const current = (await tx.repository(Job).findOne({ id: job.id })) as Job;
      for (const [name, count] of Object.entries(counts)) result[name] = (result[name] ?? 0) + count;
      result.lastLine = pending.lastLine;
      const changes = {
        processed: current.processed + pending.rows.length + pending.errors.length,
        failed: current.failed + errors.length,
        errors: [...current.errors, ...errors].slice(0, MAX_JOB_ERRORS),
        progress: Math.min(99, Math.floor(fraction * 100)),
        result: { kind, ...result },
      };
      await tx.repository(Job).update({ id: job.id }, changes);
      tx.audit({ action: 'catalog.imported', entityType: 'job', entityId: job.id, after: { kind, lines: pending.lastLine, ...counts, rowErrors: errors.length } });
      return progressOf({ ...current, ...changes });
    });
  }

  private finish(context: TenantContext, jobId: string, status: 'completed' | 'failed', error?: JobRowError): Promise<CatalogImportProgress> {
    return this.unitOfWork.runSeparately(context, async (tx) => {
      const job = (await tx.repository(Job).findOne({ id: jobId })) as Job;
      const changes = { status, progress: status === 'completed' ? 100 : job.progress, finishedAt: new Date(), errors: error ? [...job.errors, error].slice(-MAX_JOB_ERRORS) : job.errors };
      await tx.repository(Job).update({ id: jobId }, changes);
      await deleteUpload(tx, jobId);
      tx.audit({ action: `catalog.import_${status}`, entityType: 'job', entityId: jobId, after: { processed: job.processed, failed: job.failed, ...job.result } });
      return progressOf({ ...job, ...changes });
    });
  }
}
