import { TenantCommand, TenantContext } from '@saler/platform';

/** The bot answered with an FAQ `hits` times (one batch of turns): that many more hits. Not audited (it happens on every answered message). */
export class RecordFaqHitCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly faqId: string,
    readonly hits = 1,
  ) {
    super(context);
  }
}
