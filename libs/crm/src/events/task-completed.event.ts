import { DomainEvent, DomainEventType } from '@saler/platform';

/** A task was marked done. */
@DomainEventType('task.completed')
export class TaskCompleted extends DomainEvent<{ taskId: string; leadId: string | null }> {}
