import { DomainEvent, DomainEventType } from '@saler/platform';

/** A lead's assignee changed. */
@DomainEventType('lead.assigned')
export class LeadAssigned extends DomainEvent<{ leadId: string; fromAssigneeId: string | null; toAssigneeId: string | null }> {}
