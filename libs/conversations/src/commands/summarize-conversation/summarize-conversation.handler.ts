import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { AskLlmQuery, GetBotProfileQuery } from '@saler/knowledge';
import { TenantTx, UnitOfWork } from '@saler/platform';
import { Conversation } from '../../domain/conversation.entity';
import { extractiveSummary } from '../../domain/extractive-summary';
import { Message } from '../../domain/message.entity';
import { SummarizeConversationCommand } from './summarize-conversation.command';

const SUMMARY_WINDOW = 30;

/**
 * The idle summary: the LLM's when the tenant has one configured (and it answers), otherwise an
 * extractive one. The LLM is called outside any transaction; the summary is stored only if the
 * conversation is still at the same message.
 */
@CommandHandler(SummarizeConversationCommand)
export class SummarizeConversationHandler implements ICommandHandler<SummarizeConversationCommand, boolean> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
  ) {}

  async execute(command: SummarizeConversationCommand): Promise<boolean> {
    const read = await this.unitOfWork.run(command.context, (tx) => this.read(tx, command));
    if (read === null) return false;
    const { messages, llmConfigured } = read;
    let summary = extractiveSummary(messages);
    if (summary === null) return false;
    if (llmConfigured) {
      const history = messages
        .filter((message) => message.text !== null && message.contentType !== 'event')
        .map((message) => ({ role: message.direction === 'inbound' ? ('customer' as const) : message.senderType === 'agent' ? ('agent' as const) : ('bot' as const), text: message.text as string }));
      const answer = await this.queryBus.execute(new AskLlmQuery(command.context, { purpose: 'summary', faqs: [], history }));
      if (answer.outcome === 'answered' && answer.text !== undefined) summary = answer.text;
    }
    const stored = summary;
    return this.unitOfWork.run(command.context, async (tx) => {
      const updated = await tx.repository(Conversation).update({ id: command.conversationId, messageCount: command.messageCount }, { summary: stored, summarizedAt: new Date() });
      return updated === 1;
    });
  }

  private async read(tx: TenantTx, command: SummarizeConversationCommand): Promise<{ messages: Message[]; llmConfigured: boolean } | null> {
    const conversation = await tx.repository(Conversation).findOne({ id: command.conversationId });
    if (conversation === null || conversation.messageCount !== command.messageCount) return null;
    const [first] = await tx.repository(Message).find({ where: { conversationId: conversation.id, direction: 'inbound' }, order: { createdAt: 'ASC', id: 'ASC' }, take: 1 });
    const recent = (await tx.repository(Message).find({ where: { conversationId: conversation.id }, order: { createdAt: 'DESC', id: 'DESC' }, take: SUMMARY_WINDOW })).reverse();
    const messages = first !== undefined && !recent.some((message) => message.id === first.id) ? [first, ...recent] : recent;
    const profile = await this.queryBus.execute(new GetBotProfileQuery(tx.context, conversation.locale, new Date()));
    return { messages, llmConfigured: profile.llmConfigured };
  }
}
