import { DomainEvent, DomainEventType } from '@saler/platform';

/** A note or call was logged on a lead. */
@DomainEventType('lead.activity_logged')
export class LeadActivityLogged extends DomainEvent<{ leadId: string; activityId: string; type: string }> {}
