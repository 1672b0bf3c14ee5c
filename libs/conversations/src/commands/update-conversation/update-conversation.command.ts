import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { ConversationView } from '../conversation.view';
import { UpdateConversationRequest } from './update-conversation.request';

export class UpdateConversationCommand extends TenantCommand<ConversationView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly conversationId: string,
    readonly changes: UpdateConversationRequest,
    readonly expectedVersion: number | undefined,
  ) {
    super(context);
  }
}
