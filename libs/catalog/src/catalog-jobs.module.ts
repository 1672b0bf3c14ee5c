import { Module } from '@nestjs/common';
import { CatalogModule } from './catalog.module';
import { CatalogImportProcessor } from './jobs/catalog-import.processor';
import { EnqueueCatalogImport } from './jobs/enqueue-catalog-import.event-handler';

/** The catalogue's processors and event handlers: run by the worker, or by the api itself on the inline queue. */
@Module({ imports: [CatalogModule], providers: [EnqueueCatalogImport, CatalogImportProcessor] })
export class CatalogJobsModule {}
