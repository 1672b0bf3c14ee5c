import { TenantCommand, TenantContext } from '@saler/platform';

export interface PurgeCounts {
  conversations: number;
  messages: number;
  inboundEvents: number;
}

/** Retention: deletes the tenant's conversations idle for longer than its retention_days, with their messages. */
export class PurgeStaleConversationsCommand extends TenantCommand<PurgeCounts> {
  constructor(
    context: TenantContext,
    readonly now: Date,
  ) {
    super(context);
  }
}
