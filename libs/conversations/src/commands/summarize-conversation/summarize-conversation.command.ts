import { TenantCommand, TenantContext } from '@saler/platform';

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
