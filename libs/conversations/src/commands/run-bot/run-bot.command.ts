import { TenantCommand, TenantContext } from '@saler/platform';

export type BotOutcome = 'answered' | 'skipped';

/** The bot's turn on one customer message (from the worker, after message.received). */
export class RunBotCommand extends TenantCommand<BotOutcome> {
  constructor(
    context: TenantContext,
    readonly messageId: string,
    readonly newConversation: boolean,
  ) {
    super(context);
  }
}
