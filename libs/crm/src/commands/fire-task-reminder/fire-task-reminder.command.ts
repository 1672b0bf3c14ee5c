import { TenantCommand, TenantContext } from '@saler/platform';

/** Fires a task's reminder if it is still due at `reminderAt` and has not fired: true when this call fired it. */
export class FireTaskReminderCommand extends TenantCommand<boolean> {
  constructor(
    context: TenantContext,
    readonly taskId: string,
    readonly reminderAt: Date,
  ) {
    super(context);
  }
}
