import { DomainEvent, DomainEventType } from '@saler/platform';

/** A lead was created. */
@DomainEventType('lead.created')
export class LeadCreated extends DomainEvent<{ leadId: string; contactId: string; stageId: string; source: string }> {}
