import { CommandBus, CommandHandler } from '@nestjs/cqrs';
import { SuggestFaqCommand } from '@saler/knowledge';
import { TenantCommandHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { Conversation } from '../../domain/conversation.entity';
import { Message } from '../../domain/message.entity';
import { LearnFromAgentReplyCommand } from './learn-from-agent-reply.command';

/** The bot tried this question and found no FAQ (and it was not a request for a person). */
const botCouldNotMatch = (botReplies: Message[]): boolean => {
  const steps = botReplies.flatMap((reply) => reply.botSteps ?? []);
  return steps.some((step) => step.step === 'faq' && step.outcome === 'no_match') && !steps.some((step) => step.step === 'catalog' && step.outcome !== 'no_intent');
};

@CommandHandler(LearnFromAgentReplyCommand)
export class LearnFromAgentReplyHandler extends TenantCommandHandler<LearnFromAgentReplyCommand, boolean> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly commandBus: CommandBus,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: LearnFromAgentReplyCommand, tx: TenantTx): Promise<boolean> {
    const [question, reply] = await Promise.all([tx.repository(Message).findOne({ id: command.questionId }), tx.repository(Message).findOne({ id: command.replyId })]);
    if (question?.text == null || question.contentType !== 'text' || reply?.text == null) return false;
    if (!botCouldNotMatch(await tx.repository(Message).find({ where: { replyToId: question.id, senderType: 'bot' } }))) return false;
    const conversation = await tx.repository(Conversation).findOne({ id: question.conversationId });
    const result = await this.commandBus.execute(new SuggestFaqCommand(tx.context, { question: question.text, answer: reply.text, locale: conversation?.locale ?? null }));
    return result.created;
  }
}
