import { TenantContext, TenantQuery } from '@saler/platform';
import { ConversationPage } from '../../commands/conversation.view';
import { ConversationStatus } from '../../domain/conversation.entity';

export interface ConversationFilters {
  status?: ConversationStatus;
  channelId?: string;
  /** A user id, or null for unassigned ones (`me` is resolved by the controller). */
  assigneeId?: string | null;
  botEnabled?: boolean;
  q?: string;
}

export class ListConversationsQuery extends TenantQuery<ConversationPage> {
  constructor(
    context: TenantContext,
    readonly page: { limit: number; cursor?: string },
    readonly filters: ConversationFilters,
  ) {
    super(context);
  }
}
