import { QueryHandler } from '@nestjs/cqrs';
import { CursorCodec, keysetPage, KeysetSort, likePattern, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { ConversationPage, toConversationView } from '../../commands/conversation.view';
import { Conversation } from '../../domain/conversation.entity';
import { ListConversationsQuery } from './list-conversations.query';

/** Most recent activity first, over the (tenant_id, last_message_at, id) index. */
const LATEST_FIRST: KeysetSort<Conversation> = { name: 'lastMessageAt', column: 'c.last_message_at', direction: 'DESC', kind: 'date', read: (row) => row.lastMessageAt };

@QueryHandler(ListConversationsQuery)
export class ListConversationsHandler extends TenantQueryHandler<ListConversationsQuery, ConversationPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListConversationsQuery, tx: TenantTx): Promise<ConversationPage> {
    const { status, channelId, assigneeId, botEnabled, q } = query.filters;
    const builder = tx.repository(Conversation).scopedQuery('c');
    if (status !== undefined) builder.andWhere('c.status = :status', { status });
    if (channelId !== undefined) builder.andWhere('c.channel_id = :channelId', { channelId });
    if (assigneeId === null) builder.andWhere('c.assignee_id IS NULL');
    else if (assigneeId !== undefined) builder.andWhere('c.assignee_id = :assigneeId', { assigneeId });
    if (botEnabled !== undefined) builder.andWhere('c.bot_enabled = :botEnabled', { botEnabled });
    if (q !== undefined) builder.andWhere(`(LOWER(c.contact_name) LIKE :q ESCAPE '\\' OR LOWER(c.summary) LIKE :q ESCAPE '\\')`, { q: likePattern(q) });
    const page = await keysetPage(builder, LATEST_FIRST, 'c.id', query.page, this.cursors, toConversationView);
    return page;
  }
}
