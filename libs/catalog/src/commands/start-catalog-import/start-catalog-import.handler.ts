import { CommandHandler } from '@nestjs/cqrs';
import { parse } from 'csv-parse/sync';
import { Job, newId, storeUpload, TenantCommandHandler, TenantTx } from '@saler/platform';
import { CatalogHeaderError, CatalogImportKind, resolveCatalogHeader } from '../../domain/catalog-import-row';
import { fieldProblem } from '../../domain/catalog-problems';
import { CatalogImportRequested } from '../../events/catalog-import-requested.event';
import { CatalogImportAccepted } from './catalog-import.view';
import { StartCatalogImportCommand } from './start-catalog-import.command';

export const catalogImportJobType = (kind: CatalogImportKind) => `import.catalog.${kind}`;

/**
 * Checks the header at once (a file that cannot be imported is a 400, not a failed job), streams the
 * file into the job's chunks and publishes the request, in one transaction: either the job and its
 * whole file exist and the worker will run it, or nothing does.
 */
@CommandHandler(StartCatalogImportCommand)
export class StartCatalogImportHandler extends TenantCommandHandler<StartCatalogImportCommand, CatalogImportAccepted> {
  protected async handle(command: StartCatalogImportCommand, tx: TenantTx): Promise<CatalogImportAccepted> {
    const jobId = newId();
    const { fileName, kind } = command.upload;
    await tx.repository(Job).insert({
      id: jobId,
      type: catalogImportJobType(kind),
      status: 'queued',
      progress: 0,
      processed: 0,
      failed: 0,
      errors: [],
      result: {},
      params: { fileName, kind },
      createdBy: tx.context.actor.id,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
    });
    const size = await storeUpload(tx, jobId, command.upload.content, (chunk, seq) => {
      if (seq === 0) checkHeader(kind, chunk);
    });
    await tx.repository(Job).update({ id: jobId }, { params: { fileName, kind, size } });
    if (command.enqueue) tx.publish(new CatalogImportRequested(tx.context, { jobId }));
    tx.audit({ action: 'catalog.import_started', entityType: 'job', entityId: jobId, after: { fileName, kind, size } });
    return { jobId };
  }
}

function checkHeader(kind: CatalogImportKind, chunk: Buffer): void {
  const text = chunk.toString('utf8');
  const end = text.search(/\r?\n/);
  if (end < 0 && chunk.length >= 1024 * 1024) throw fieldProblem('file', 'The first line (the header) is longer than 1 MiB');
  const line = end < 0 ? text : text.slice(0, end);
  if (line.trim() === '') throw fieldProblem('file', 'The file is empty or starts with an empty line; the first line must be the header');
  try {
    const [header] = parse(line, { bom: true, relax_quotes: true }) as string[][];
    resolveCatalogHeader(kind, header ?? []);
  } catch (error) {
    if (error instanceof CatalogHeaderError) throw fieldProblem('file', error.message);
    throw fieldProblem('file', `The header line is not valid CSV: ${(error as Error).message}`);
  }
}
