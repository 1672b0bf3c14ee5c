import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, keysetPage, KeysetSort, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { loadConversation } from '../../commands/conversation-store';
import { MessagePage, toMessageView } from '../../commands/conversation.view';
import { Message } from '../../domain/message.entity';
import { ListMessagesQuery } from './list-messages.query';

const sortOf = (direction: 'ASC' | 'DESC'): KeysetSort<Message> => ({ name: `createdAt.${direction}`, column: 'm.created_at', direction, kind: 'date', read: (row) => row.createdAt });
const OLDEST_FIRST = sortOf('ASC');
const NEWEST_FIRST = sortOf('DESC');

/** A conversation's messages over the (tenant_id, conversation_id, created_at, id) index. */
@QueryHandler(ListMessagesQuery)
export class ListMessagesHandler extends TenantQueryHandler<ListMessagesQuery, MessagePage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListMessagesQuery, tx: TenantTx): Promise<MessagePage> {
    await loadConversation(tx, query.conversationId);
    const builder = tx.repository(Message).scopedQuery('m').andWhere('m.conversation_id = :conversationId', { conversationId: query.conversationId });
    return keysetPage(builder, query.order === 'desc' ? NEWEST_FIRST : OLDEST_FIRST, 'm.id', query.page, this.cursors, toMessageView);
  }
}
