import { TenantContext, TenantQuery } from '@saler/platform';
import { MessagePage } from '../../commands/conversation.view';

export class ListMessagesQuery extends TenantQuery<MessagePage> {
  constructor(
    context: TenantContext,
    readonly conversationId: string,
    readonly order: 'asc' | 'desc',
    readonly page: { limit: number; cursor?: string },
  ) {
    super(context);
  }
}
