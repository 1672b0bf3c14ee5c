/** When a task's reminder fires: due − offset; no offset, no reminder. */
export function reminderTime(dueAt: Date, offsetMinutes: number | null): Date | null {
  return offsetMinutes === null ? null : new Date(dueAt.getTime() - offsetMinutes * 60_000);
}

/**
 * The queue job id of one reminder time. A reschedule gets a new id (and a new delayed job); the
 * job of an old time finds the task's reminderAt moved and does nothing.
 */
export function reminderJobId(taskId: string, reminderAt: Date): string {
  return `task-reminder.${taskId}.${reminderAt.getTime()}`;
}
