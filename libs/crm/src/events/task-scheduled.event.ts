import { DomainEvent, DomainEventType } from '@saler/platform';

/** A task was created or rescheduled; its reminder (if any) is due at reminderAt. */
@DomainEventType('task.scheduled')
export class TaskScheduled extends DomainEvent<{ taskId: string; version: number; reminderAt: string | null }> {}
