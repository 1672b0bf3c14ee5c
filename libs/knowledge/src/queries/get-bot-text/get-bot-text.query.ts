import { TenantContext, TenantQuery } from '@saler/platform';
import { BotTextView } from '../../commands/bot-text.view';
import { BotTextKey } from '../../domain/bot-text.entity';

export class GetBotTextQuery extends TenantQuery<BotTextView> {
  constructor(
    context: TenantContext,
    readonly key: BotTextKey,
    readonly locale: string,
  ) {
    super(context);
  }
}
