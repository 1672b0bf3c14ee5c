import { DomainEvent, DomainEventType } from '@saler/platform';

/** A contact (source) was merged into another (target); its leads and identities moved. */
@DomainEventType('contact.merged')
export class ContactsMerged extends DomainEvent<{ targetId: string; sourceId: string; leadIds: string[] }> {}
