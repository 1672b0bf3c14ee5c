import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { BotTextList, toBotTextView } from '../../commands/bot-text.view';
import { BOT_TEXT_KEYS, BotText } from '../../domain/bot-text.entity';
import { ListBotTextsQuery } from './list-bot-texts.query';

/** A handful of rows per locale (one per key), so the list is whole, not paged: by locale, then key in BOT_TEXT_KEYS order. */
@QueryHandler(ListBotTextsQuery)
export class ListBotTextsHandler extends TenantQueryHandler<ListBotTextsQuery, BotTextList> {
  protected async handle(query: ListBotTextsQuery, tx: TenantTx): Promise<BotTextList> {
    const texts = await tx.repository(BotText).find({ where: query.locale === undefined ? {} : { locale: query.locale } });
    texts.sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : BOT_TEXT_KEYS.indexOf(a.key) - BOT_TEXT_KEYS.indexOf(b.key)));
    return { data: texts.map(toBotTextView) };
  }
}
