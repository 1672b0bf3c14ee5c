import { TenantContext, TenantQuery } from '@saler/platform';
import { ConversationView } from '../../commands/conversation.view';

export class GetConversationQuery extends TenantQuery<ConversationView> {
  constructor(
    context: TenantContext,
    readonly conversationId: string,
  ) {
    super(context);
  }
}
