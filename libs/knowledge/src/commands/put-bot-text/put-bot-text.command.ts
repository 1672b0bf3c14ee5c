import { TenantCommand, TenantContext } from '@saler/platform';
import { BotTextKey } from '../../domain/bot-text.entity';
import { BotTextView } from '../bot-text.view';

/** Creates or replaces what the bot says at one moment in one locale. */
export class PutBotTextCommand extends TenantCommand<BotTextView> {
  constructor(
    context: TenantContext,
    readonly key: BotTextKey,
    readonly locale: string,
    readonly text: string,
    /** From If-Match: the version the caller read (undefined: no precondition). */
    readonly expectedVersion?: number,
  ) {
    super(context);
  }
}
