import { TenantCommand, TenantContext } from '@saler/platform';

export interface SummaryJob {
  conversationId: string;
  messageCount: number;
}

/** Summarises a conversation that has been idle since its `messageCount`-th message; skipped if it moved on. */
export class SummarizeConversationCommand extends TenantCommand<boolean> {
  constructor(
    context: TenantContext,
    readonly conversationId: string,
    readonly messageCount: number,
  ) {
    super(context);
  }
}
