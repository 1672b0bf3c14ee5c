import { TenantCommand, TenantContext } from '@saler/platform';

/** The bot answered with an FAQ: one more hit. Not audited (it happens on every answered message). */
export class RecordFaqHitCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly faqId: string,
  ) {
    super(context);
  }
}
