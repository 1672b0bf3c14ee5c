import { CommandHandler } from '@nestjs/cqrs';
import { startCsvUploadJob, TenantCommandHandler, TenantTx } from '@saler/platform';
import { CatalogImportKind, resolveCatalogHeader } from '../../domain/catalog-import-row';
import { CatalogImportRequested } from '../../events/catalog-import-requested.event';
import { CatalogImportAccepted } from './catalog-import.view';
import { StartCatalogImportCommand } from './start-catalog-import.command';

export const catalogImportJobType = (kind: CatalogImportKind) => `import.catalog.${kind}`;

/** Stores the upload as a queued job (header checked at once) and, unless the CLI runs it itself, asks the worker to import it. */
@CommandHandler(StartCatalogImportCommand)
export class StartCatalogImportHandler extends TenantCommandHandler<StartCatalogImportCommand, CatalogImportAccepted> {
  protected async handle(command: StartCatalogImportCommand, tx: TenantTx): Promise<CatalogImportAccepted> {
    const { fileName, kind, content } = command.upload;
    const { jobId, size } = await startCsvUploadJob(tx, { type: catalogImportJobType(kind), params: { fileName, kind }, content, checkHeader: (header) => resolveCatalogHeader(kind, header) });
    if (command.enqueue) tx.publish(new CatalogImportRequested(tx.context, { jobId }));
    tx.audit({ action: 'catalog.import_started', entityType: 'job', entityId: jobId, after: { fileName, kind, size } });
    return { jobId };
  }
}
