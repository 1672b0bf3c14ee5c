import { Caller, TenantCommand, TenantContext } from '@saler/platform';
import { MessageView } from '../conversation.view';

/** An agent writes in a conversation: the bot steps aside there, and the reply is queued for delivery. */
export class SendAgentReplyCommand extends TenantCommand<MessageView> {
  constructor(
    context: TenantContext,
    readonly caller: Caller,
    readonly conversationId: string,
    readonly text: string,
  ) {
    super(context);
  }
}
