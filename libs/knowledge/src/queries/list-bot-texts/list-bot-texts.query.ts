import { TenantContext, TenantQuery } from '@saler/platform';
import { BotTextList } from '../../commands/bot-text.view';

export class ListBotTextsQuery extends TenantQuery<BotTextList> {
  constructor(
    context: TenantContext,
    readonly locale?: string,
  ) {
    super(context);
  }
}
