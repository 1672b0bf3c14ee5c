import { DomainEvent, DomainEventType } from '@saler/platform';

/** A catalogue CSV file was uploaded; the worker imports it. */
@DomainEventType('catalog.import_requested')
export class CatalogImportRequested extends DomainEvent<{ jobId: string }> {}
