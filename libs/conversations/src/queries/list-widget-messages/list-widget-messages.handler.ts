import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { loadChannel } from '../../commands/channel-store';
import { toWidgetMessageView, WidgetMessageList } from '../../commands/widget-message.view';
import { Conversation } from '../../domain/conversation.entity';
import { Message } from '../../domain/message.entity';
import { ListWidgetMessagesQuery } from './list-widget-messages.query';

/** Message ids are UUIDv7 (time-ordered), so "after this id" is a stable polling cursor. */
@QueryHandler(ListWidgetMessagesQuery)
export class ListWidgetMessagesHandler extends TenantQueryHandler<ListWidgetMessagesQuery, WidgetMessageList> {
  protected async handle(query: ListWidgetMessagesQuery, tx: TenantTx): Promise<WidgetMessageList> {
    // A removed channel is refused here too (the public key → channel cache may still hold it for a while).
    await loadChannel(tx, query.channelId);
    const conversation = await tx.repository(Conversation).findOne({ channelId: query.channelId, threadId: query.visitorId });
    if (conversation === null) return { data: [] };
    const builder = tx.repository(Message).scopedQuery('m').andWhere('m.conversation_id = :conversationId', { conversationId: conversation.id });
    if (query.after !== undefined) builder.andWhere('m.id > :after', { after: query.after });
    const messages = await builder.orderBy('m.id', 'ASC').limit(query.limit).getMany();
    return { data: messages.map(toWidgetMessageView) };
  }
}
