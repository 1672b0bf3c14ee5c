import { TenantCommand, TenantContext } from '@saler/platform';
import { CatalogImportKind } from '../../domain/catalog-import-row';
import { CatalogImportAccepted } from './catalog-import.view';

export interface CatalogImportUpload {
  fileName: string;
  kind: CatalogImportKind;
  content: AsyncIterable<Buffer>;
}

/**
 * Stores an uploaded catalogue CSV as a job. By default it also queues the import for the worker;
 * the CLI passes `enqueue: false` and runs RunCatalogImportCommand itself.
 */
export class StartCatalogImportCommand extends TenantCommand<CatalogImportAccepted> {
  constructor(
    context: TenantContext,
    readonly upload: CatalogImportUpload,
    readonly enqueue = true,
  ) {
    super(context);
  }
}
