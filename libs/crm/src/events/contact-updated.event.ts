import { DomainEvent, DomainEventType } from '@saler/platform';

/** A contact's fields changed. */
@DomainEventType('contact.updated')
export class ContactUpdated extends DomainEvent<{ contactId: string; changed: string[] }> {}
