/** When a task's reminder fires: due − offset; no offset, no reminder. */
export function reminderTime(dueAt: Date, offsetMinutes: number | null): Date | null {
  return offsetMinutes === null ? null : new Date(dueAt.getTime() - offsetMinutes * 60_000);
}

/**
 * The queue job id of one schedule of a task (its version): every reschedule gets a new delayed
 * job, even back to a time used before; the job of an older schedule finds reminderAt moved (or
 * already reminded) and does nothing.
 */
export function reminderJobId(taskId: string, version: number): string {
  return `task-reminder.${taskId}.${version}`;
}
