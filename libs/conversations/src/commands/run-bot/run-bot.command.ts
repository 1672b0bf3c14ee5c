import { TenantCommand, TenantContext } from '@saler/platform';

export type BotOutcome = 'answered' | 'skipped';

/** A tenant's turns decided together, in one transaction, at most this many. */
export const BOT_TURN_BATCH = 32;

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
