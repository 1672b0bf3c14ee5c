import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { BotTextView, toBotTextView } from '../../commands/bot-text.view';
import { BotText } from '../../domain/bot-text.entity';
import { notFound } from '../../domain/knowledge-problems';
import { GetBotTextQuery } from './get-bot-text.query';

@QueryHandler(GetBotTextQuery)
export class GetBotTextHandler extends TenantQueryHandler<GetBotTextQuery, BotTextView> {
  protected async handle(query: GetBotTextQuery, tx: TenantTx): Promise<BotTextView> {
    const text = await tx.repository(BotText).findOne({ key: query.key, locale: query.locale });
    if (text === null) throw notFound(`${query.key} text in locale ${query.locale}`);
    return toBotTextView(text);
  }
}
