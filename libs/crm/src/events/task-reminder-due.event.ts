import { DomainEvent, DomainEventType } from '@saler/platform';

/** A task's reminder time has come. Published once per reminder time. */
@DomainEventType('task.reminder_due')
export class TaskReminderDue extends DomainEvent<{ taskId: string; title: string; leadId: string | null; assigneeId: string | null; dueAt: string }> {}
