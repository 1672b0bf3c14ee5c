import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { loadConversation } from '../../commands/conversation-store';
import { ConversationView, toConversationView } from '../../commands/conversation.view';
import { GetConversationQuery } from './get-conversation.query';

@QueryHandler(GetConversationQuery)
export class GetConversationHandler extends TenantQueryHandler<GetConversationQuery, ConversationView> {
  protected async handle(query: GetConversationQuery, tx: TenantTx): Promise<ConversationView> {
    return toConversationView(await loadConversation(tx, query.conversationId));
  }
}
