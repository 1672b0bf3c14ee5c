import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { AnswerWithQuoteQuery } from '@saler/catalog';
import { RecordQuoteRequestedCommand } from '@saler/crm';
import { AskLlmQuery, BotProfile, GetBotProfileQuery, LlmAnswer, MatchFaqsQuery, RecordFaqHitCommand, renderBotText } from '@saler/knowledge';
import { CredentialCipher, TenantContext, TenantTx, UnitOfWork } from '@saler/platform';
import { handoffPhrase, isStartCommand, MOTIONS, pendingQuoteAt, QUOTE_TEXTS } from '../../domain/bot-decisions';
import { Channel } from '../../domain/channel.entity';
import { Conversation, PendingQuote } from '../../domain/conversation.entity';
import { BotStep, Message } from '../../domain/message.entity';
import { DeliverMessageCommand, DeliveryClaim } from '../deliver-message/deliver-message.command';
import { deliveryClaim } from '../deliver-message/delivery-claim';
import { storeReply } from '../reply-store';
import { BotOutcome, RunBotCommand } from './run-bot.command';

const LLM_HISTORY = 10;
const LLM_FAQ_CONTEXT = 3;

interface Reply {
  text: string;
  motion: string;
  fromFaq?: boolean;
  faqId?: string;
  faqScore?: number;
}

/** A reply to send, with its first delivery attempt taken in the transaction that stored it. */
interface Outgoing {
  messageId: string;
  claim: DeliveryClaim | string;
}

/** What the bot decided; the LLM (if asked) is called between deciding and storing, outside any transaction. */
interface Plan {
  question: Message;
  conversation: Conversation;
  channel: Channel;
  /** The web widget: replies are read by polling, not delivered. */
  web: boolean;
  profile: BotProfile;
  steps: BotStep[];
  greeting: string | null;
  answer: Reply | null;
  handoff: boolean;
  quoteRequested: boolean;
  /** What to remember of a price question the bot asked a follow-up about: undefined leaves the conversation's as it is. */
  pendingQuote?: PendingQuote | null;
  llm: { faqs: { question: string; answer: string }[]; history: { role: 'customer' | 'bot' | 'agent'; text: string }[] } | null;
}

/**
 * The bot pipeline, in order: greeting (new conversation), hand-off request, business hours, FAQ
 * match above the tenant's threshold, the catalogue's quote, the LLM, and the fallback (the
 * out-of-hours text when closed). Every step is recorded on the reply. Runs at most once per
 * customer message: the reply is stored only if the bot has not answered it yet and is still on.
 * The replies are then sent at once, as delivery's first attempt (its retries are queued jobs).
 */
@CommandHandler(RunBotCommand)
export class RunBotHandler implements ICommandHandler<RunBotCommand, BotOutcome> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
    private readonly cipher: CredentialCipher,
  ) {}

  async execute(command: RunBotCommand): Promise<BotOutcome> {
    const replies = await this.answer(command);
    if (replies === null) return 'skipped';
    // Sent here, in order, rather than through a queued job each: the greeting reaches the customer before the answer.
    for (const { messageId, claim } of replies) await this.commandBus.execute(new DeliverMessageCommand(command.context, messageId, 1, claim));
    return 'answered';
  }

  /** Decides and stores the replies; the ones to send with their first attempt taken (none on the web widget), or null when the bot had nothing to do. */
  private async answer(command: RunBotCommand): Promise<Outgoing[] | null> {
    // Most answers need no LLM: deciding and storing then share one transaction (the conversation locked throughout).
    const first = await this.unitOfWork.run(command.context, async (tx): Promise<Outgoing[] | Plan | null> => {
      const plan = await this.plan(tx, command);
      if (plan === null) return null;
      if (plan.llm !== null) return plan;
      if (plan.answer === null) this.fallBack(plan);
      return this.store(tx, command.context, plan);
    });
    if (first === null || Array.isArray(first)) return first;
    const plan = first;
    this.applyLlm(plan, await this.queryBus.execute(new AskLlmQuery(command.context, { purpose: 'reply', ...(plan.llm as NonNullable<Plan['llm']>) })));
    if (plan.answer === null) this.fallBack(plan);
    // The LLM ran outside any transaction: the conversation is locked and checked again before storing.
    return this.unitOfWork.run(command.context, async (tx) => {
      const conversation = await tx.repository(Conversation).lockOne({ id: plan.conversation.id });
      if (conversation === null || !conversation.botEnabled || (await this.answered(tx, plan.question))) return null;
      return this.store(tx, command.context, { ...plan, conversation });
    });
  }

  /**
   * The customer's message with its conversation and channel, in one statement; the conversation
   * locked: a retried or duplicated job, or an agent taking over, waits for this turn and then finds it done.
   */
  private lockQuestion(tx: TenantTx, messageId: string): Promise<Message | null> {
    const query = tx.repository(Message).scopedQuery('m').innerJoinAndSelect('m.conversation', 'c').innerJoinAndSelect('c.channel', 'ch').andWhere('m.id = :messageId', { messageId });
    if (tx.isPostgres) query.setLock('pessimistic_write', undefined, ['c']);
    return query.getOne();
  }

  private answered(tx: TenantTx, question: Message): Promise<boolean> {
    return tx.repository(Message).exists({ replyToId: question.id, senderType: 'bot' });
  }

  private async plan(tx: TenantTx, command: RunBotCommand): Promise<Plan | null> {
    const question = await this.lockQuestion(tx, command.messageId);
    if (question === null || question.direction !== 'inbound') return null;
    const conversation = question.conversation as Conversation;
    const channel = conversation.channel as Channel;
    if (!conversation.botEnabled || (await this.answered(tx, question))) return null;
    const profile = await this.queryBus.execute(new GetBotProfileQuery(tx.context, conversation.locale, question.createdAt));
    const plan: Plan = { question, conversation, channel, web: channel.type === 'web', profile, steps: [], greeting: null, answer: null, handoff: false, quoteRequested: false, llm: null };
    const start = isStartCommand(question.text);
    if (command.newConversation || start) {
      plan.greeting = profile.texts.greeting;
      plan.steps.push({ step: 'greeting', outcome: 'sent' });
    }
    const text = question.contentType === 'text' || question.contentType === 'postback' ? (question.text ?? '').trim() : '';
    if (start || text === '') {
      if (plan.greeting === null) return null;
      return plan;
    }
    const phrase = handoffPhrase(text, profile.handoffKeywords);
    if (phrase !== null) {
      plan.handoff = true;
      plan.answer = { text: profile.texts.handoff, motion: MOTIONS.handoff };
      plan.steps.push({ step: 'handoff', outcome: 'requested', detail: { phrase } });
      return plan;
    }
    plan.steps.push({ step: 'hours', outcome: profile.openNow ? 'open' : 'closed' });
    await this.answerFromKnowledge(tx, plan, text);
    return plan;
  }

  /** FAQ, then the catalogue; else prepares the LLM's context (FAQ top 3, last messages). */
  private async answerFromKnowledge(tx: TenantTx, plan: Plan, text: string): Promise<void> {
    const { profile } = plan;
    const matches = (await this.queryBus.execute(new MatchFaqsQuery(tx.context, text, profile.locale, LLM_FAQ_CONTEXT))).data;
    const best = matches[0];
    if (best !== undefined && best.score >= profile.matchThreshold) {
      plan.answer = { text: best.faq.answer, motion: MOTIONS.answer, fromFaq: true, faqId: best.faq.id, faqScore: best.score };
      plan.steps.push({ step: 'faq', outcome: 'matched', detail: { faqId: best.faq.id, score: best.score, threshold: profile.matchThreshold } });
      return;
    }
    plan.steps.push({ step: 'faq', outcome: 'no_match', detail: { bestScore: best?.score ?? null, threshold: profile.matchThreshold } });
    const { conversation, question } = plan;
    const quote = await this.queryBus.execute(new AnswerWithQuoteQuery(tx.context, text, profile.locale, profile.priceKeywords, pendingQuoteAt(conversation.pendingQuote, question.createdAt), new Date()));
    if (quote !== null) {
      plan.answer = { text: renderBotText(profile.texts[QUOTE_TEXTS[quote.kind]], quote.values), motion: MOTIONS.quote };
      plan.quoteRequested = true;
      plan.pendingQuote = quote.draft === null ? null : { ...quote.draft, askedAt: question.createdAt.toISOString() };
      plan.steps.push({ step: 'catalog', outcome: quote.kind, detail: { categoryId: quote.categoryId, modelId: quote.modelId, totalMinor: quote.quote?.totalMinor ?? null } });
      return;
    }
    plan.steps.push({ step: 'catalog', outcome: 'no_intent' });
    if (!profile.llmConfigured) {
      plan.steps.push({ step: 'llm', outcome: 'not_configured' });
      return;
    }
    const history = await tx.repository(Message).find({ where: { conversationId: plan.conversation.id }, order: { createdAt: 'DESC', id: 'DESC' }, take: LLM_HISTORY });
    plan.llm = {
      faqs: matches.map((match) => ({ question: match.faq.question, answer: match.faq.answer })),
      history: history
        .reverse()
        .filter((message) => message.text !== null && message.contentType !== 'event')
        .map((message) => ({ role: message.direction === 'inbound' ? 'customer' : message.senderType === 'agent' ? 'agent' : 'bot', text: message.text as string })),
    };
  }

  private applyLlm(plan: Plan, answer: LlmAnswer): void {
    plan.steps.push({ step: 'llm', outcome: answer.outcome, detail: { ms: answer.ms, ...(answer.error !== undefined ? { error: answer.error } : {}) } });
    if (answer.outcome === 'answered' && answer.text !== undefined) plan.answer = { text: answer.text, motion: MOTIONS.answer };
  }

  private fallBack(plan: Plan): void {
    if (plan.steps.every((step) => step.step === 'greeting')) return;
    const closed = !plan.profile.openNow;
    plan.answer = { text: closed ? plan.profile.texts.out_of_hours : plan.profile.texts.fallback, motion: MOTIONS.fallback };
    plan.steps.push({ step: closed ? 'out_of_hours' : 'fallback', outcome: 'sent' });
  }

  /** Stores the replies of a plan whose conversation this transaction holds locked; those to send, in order. */
  private async store(tx: TenantTx, context: TenantContext, plan: Plan): Promise<Outgoing[]> {
    const { conversation, web, question: replyTo } = plan;
    const stored: Message[] = [];
    if (plan.greeting !== null) {
      stored.push(await storeReply(tx, conversation, web, { senderType: 'bot', senderId: null, text: plan.greeting, replyTo, motion: MOTIONS.greeting, botSteps: plan.answer === null ? plan.steps : [plan.steps[0]], deliveredByCaller: true }));
    }
    if (plan.answer !== null) {
      const { text, motion, fromFaq, faqId, faqScore } = plan.answer;
      stored.push(await storeReply(tx, conversation, web, { senderType: 'bot', senderId: null, text, replyTo, motion, fromFaq, faqId, faqScore, botSteps: plan.steps, deliveredByCaller: true }));
    }
    if (plan.answer?.faqId !== undefined) await this.commandBus.execute(new RecordFaqHitCommand(context, plan.answer.faqId));
    if (plan.quoteRequested && conversation.leadId !== null) await this.commandBus.execute(new RecordQuoteRequestedCommand(context, conversation.leadId));
    if (plan.handoff) await tx.repository(Conversation).update({ id: conversation.id }, { botEnabled: false, status: 'pending', version: () => 'version + 1', updatedAt: new Date() });
    if (plan.pendingQuote !== undefined && (plan.pendingQuote !== null || conversation.pendingQuote !== null)) await tx.repository(Conversation).update({ id: conversation.id }, { pendingQuote: plan.pendingQuote });
    return web ? [] : stored.map((message) => ({ messageId: message.id, claim: deliveryClaim(this.cipher, message, conversation, plan.channel) }));
  }
}
