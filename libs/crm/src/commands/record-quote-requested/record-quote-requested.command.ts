import { TenantCommand, TenantContext } from '@saler/platform';

/**
 * The lead's contact asked for a price (the bot answered from the catalogue). Sent by the
 * conversations context after the fact: a lead deleted meanwhile is ignored, not a 404.
 */
export class RecordQuoteRequestedCommand extends TenantCommand<void> {
  constructor(
    context: TenantContext,
    readonly leadId: string,
  ) {
    super(context);
  }
}
