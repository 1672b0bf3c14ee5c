import { DomainEvent, DomainEventType } from '@saler/platform';

/** A CSV file was uploaded; the worker imports it. */
@DomainEventType('lead.import_requested')
export class LeadImportRequested extends DomainEvent<{ jobId: string }> {}
