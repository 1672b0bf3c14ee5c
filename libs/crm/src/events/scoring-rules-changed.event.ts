import { DomainEvent, DomainEventType } from '@saler/platform';

/** The tenant's scoring rules changed; every lead is rescored. */
@DomainEventType('scoring_rules.changed')
export class ScoringRulesChanged extends DomainEvent<{ version: number }> {}
