import { DomainEvent, DomainEventType } from '@saler/platform';

/** A lead moved to another stage (won and lost are stage changes too). */
@DomainEventType('lead.stage_changed')
export class LeadStageChanged extends DomainEvent<{ leadId: string; fromStageId: string; toStageId: string; status: string }> {}
