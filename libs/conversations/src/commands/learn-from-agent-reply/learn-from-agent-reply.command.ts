import { TenantCommand, TenantContext } from '@saler/platform';

/** Learning: an agent answered a customer's message; if the bot could not, propose the pair as an FAQ. */
export class LearnFromAgentReplyCommand extends TenantCommand<boolean> {
  constructor(
    context: TenantContext,
    readonly replyId: string,
    readonly questionId: string,
  ) {
    super(context);
  }
}
