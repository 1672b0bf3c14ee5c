import { Command } from '@nestjs/cqrs';

/** System work across tenants: fires every reminder that is due and has not fired (a lost or dropped delayed job, a restart). Returns how many fired. */
export class SweepDueRemindersCommand extends Command<number> {
  constructor(
    readonly now: Date,
    readonly requestId: string,
  ) {
    super();
  }
}
