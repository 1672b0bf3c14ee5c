import { DomainEvent, DomainEventType } from '@saler/platform';

/** A lead's fields changed. */
@DomainEventType('lead.updated')
export class LeadUpdated extends DomainEvent<{ leadId: string; changed: string[] }> {}
