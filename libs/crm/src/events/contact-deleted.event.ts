import { DomainEvent, DomainEventType } from '@saler/platform';

/** A contact was soft-deleted. */
@DomainEventType('contact.deleted')
export class ContactDeleted extends DomainEvent<{ contactId: string }> {}
