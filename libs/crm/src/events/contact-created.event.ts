import { DomainEvent, DomainEventType } from '@saler/platform';

/** A contact was created. */
@DomainEventType('contact.created')
export class ContactCreated extends DomainEvent<{ contactId: string }> {}
