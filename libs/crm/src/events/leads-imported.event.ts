import { DomainEvent, DomainEventType } from '@saler/platform';

/** One batch of a CSV import created these leads. */
@DomainEventType('lead.imported')
export class LeadsImported extends DomainEvent<{ jobId: string; leadIds: string[] }> {}
