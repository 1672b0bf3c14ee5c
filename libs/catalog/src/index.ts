export * from './catalog.entities';
export * from './catalog.module';
export * from './catalog-http.module';
export * from './catalog-jobs.module';
export * from './commands/start-catalog-import/start-catalog-import.command';
export * from './commands/run-catalog-import/run-catalog-import.command';
export { CATALOG_IMPORT_KINDS, type CatalogImportKind } from './domain/catalog-import-row';
export * from './queries/answer-with-quote/answer-with-quote.query';
