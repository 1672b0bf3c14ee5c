import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { AnswerWithQuoteQuery } from '@saler/catalog';
import { RecordQuoteRequestedCommand } from '@saler/crm';
import { AskLlmQuery, BotProfile, FaqMatchResult, GetBotProfileQuery, LlmAnswer, MatchFaqsQuery, RecordFaqHitCommand, renderBotText } from '@saler/knowledge';
import { In } from 'typeorm';
import { CredentialCipher, KeyedBatcher, TenantTx, UnitOfWork } from '@saler/platform';
import { handoffPhrase, isStartCommand, MOTIONS, pendingQuoteAt, QUOTE_TEXTS } from '../../domain/bot-decisions';
import { Channel } from '../../domain/channel.entity';
import { Conversation, PendingQuote } from '../../domain/conversation.entity';
import { BotStep, Message } from '../../domain/message.entity';
import { holdConversation, holdConversationsOf } from '../conversation-holds';
import { DeliverMessageCommand, DeliveryClaim } from '../deliver-message/deliver-message.command';
import { deliveryClaim } from '../deliver-message/delivery-claim';
import { ReplyDraft, storeReplies } from '../reply-store';
import { BOT_TURN_BATCH, BotOutcome, RunBotCommand } from './run-bot.command';

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

/** The replies a turn stored, to send in order (none on the web widget). */
interface Stored {
  conversationId: string;
  replies: Outgoing[];
}

/** How a turn ended in its transaction: the replies stored, a plan waiting for the LLM, or null when the bot had nothing to do. */
type Decision = Stored | Plan | null;
/** A turn a batch did not take: another transaction held its conversation. It is taken alone, waiting for that one. */
const HELD = 'held';
type Turn = Decision | typeof HELD;

/** What the stored turns change on their conversations, by conversation. */
type ConversationPatches = Map<string, Partial<Pick<Conversation, 'botEnabled' | 'status' | 'pendingQuote' | 'updatedAt'>> & { version?: () => string }>;

/** The FAQ matches of a text in a locale, each asked once per batch. */
type FaqMatcher = (text: string, locale: string) => Promise<FaqMatchResult>;

/**
 * The bot pipeline, in order: greeting (new conversation), hand-off request, business hours, FAQ
 * match above the tenant's threshold, the catalogue's quote, the LLM, and the fallback (the
 * out-of-hours text when closed). Every step is recorded on the reply. Runs at most once per
 * customer message: the reply is stored only if the bot has not answered it yet and is still on.
 * The replies are then sent at once, as delivery's first attempt (its retries are queued jobs).
 *
 * A tenant's turns that come while another batch of them is being decided are decided together, in
 * one transaction (the first one's context) and a few statements whatever their number: their
 * conversations held in one and read in one, the answered ones found in one, each distinct question
 * matched once, the replies inserted in one. They are taken in the order they were received, so a conversation's
 * messages are answered in order and a hand-off stops the bot for its later ones. A batch skips a
 * conversation another transaction holds, and takes that turn alone afterwards, waiting for it; when
 * a batch's transaction fails, each of its turns is taken alone, so one bad turn fails only itself.
 */
@CommandHandler(RunBotCommand)
export class RunBotHandler implements ICommandHandler<RunBotCommand, BotOutcome> {
  /** A batch answers each turn with the promise of its sending, so the tenant's next batch does not wait for the platforms. */
  private readonly turns = new KeyedBatcher<RunBotCommand, Promise<BotOutcome>>(BOT_TURN_BATCH, (commands) => this.decideTogether(commands));

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
    private readonly cipher: CredentialCipher,
  ) {}

  async execute(command: RunBotCommand): Promise<BotOutcome> {
    return await this.turns.submit(command.context.tenantId, command);
  }

  /**
   * Decides the turns together (several) or alone (one, or those a batch could not take: one after
   * another, in the order received, as message ids are time-ordered); then sends each turn's replies,
   * a conversation's after those of its earlier turns.
   */
  private async decideTogether(commands: RunBotCommand[]): Promise<PromiseSettledResult<Promise<BotOutcome>>[]> {
    const order = commands.map((_command, index) => index).sort((a, b) => (commands[a].messageId < commands[b].messageId ? -1 : 1));
    let turns: Turn[] = commands.map(() => HELD);
    if (commands.length > 1) {
      try {
        turns = await this.unitOfWork.run(commands[0].context, (tx) => this.decide(tx, commands, true));
      } catch {
        // Each alone below.
      }
    }
    const outcomes: PromiseSettledResult<Promise<BotOutcome>>[] = [];
    for (const index of order.filter((position) => turns[position] === HELD)) {
      try {
        [turns[index]] = await this.unitOfWork.run(commands[index].context, (tx) => this.decide(tx, [commands[index]], false));
      } catch (error) {
        outcomes[index] = { status: 'rejected', reason: error };
      }
    }
    const sending = new Map<string, Promise<unknown>>();
    for (const index of order) outcomes[index] ??= { status: 'fulfilled', value: this.follow(commands[index], turns[index] as Decision, sending) };
    return outcomes;
  }

  /** What follows a decided turn: its replies sent (after the conversation's earlier ones in `sending`), or the LLM asked. */
  private follow(command: RunBotCommand, turn: Decision, sending: Map<string, Promise<unknown>>): Promise<BotOutcome> {
    if (turn === null) return Promise.resolve('skipped');
    if (!('replies' in turn)) return this.answerWithLlm(command, turn);
    const sent = (sending.get(turn.conversationId) ?? Promise.resolve()).catch(() => undefined).then(() => this.send(command, turn.replies));
    sending.set(turn.conversationId, sent);
    return sent.then(() => 'answered');
  }

  /** Sent here, in order, rather than through a queued job each: the greeting reaches the customer before the answer. */
  private async send(command: RunBotCommand, replies: Outgoing[]): Promise<void> {
    for (const { messageId, claim } of replies) await this.commandBus.execute(new DeliverMessageCommand(command.context, messageId, 1, claim));
  }

  /** The LLM is called outside any transaction; then the conversation is held and checked again before storing. */
  private async answerWithLlm(command: RunBotCommand, plan: Plan): Promise<BotOutcome> {
    this.applyLlm(plan, await this.queryBus.execute(new AskLlmQuery(command.context, { purpose: 'reply', ...(plan.llm as NonNullable<Plan['llm']>) })));
    if (plan.answer === null) this.fallBack(plan);
    const replies = await this.unitOfWork.run(command.context, async (tx) => {
      await holdConversation(tx, plan.conversation.id);
      const conversation = await tx.repository(Conversation).findOne({ id: plan.conversation.id });
      if (conversation === null || !conversation.botEnabled || (await this.answeredAmong(tx, [plan.question.id])).size > 0) return null;
      const patches: ConversationPatches = new Map();
      const [stored] = await this.store(tx, [this.settle({ ...plan, conversation }, patches)], patches);
      return stored.replies;
    });
    if (replies === null) return 'skipped';
    await this.send(command, replies);
    return 'answered';
  }

  /**
   * The turns on some customer messages of this transaction's tenant, in the order they were
   * received (by message id), their conversations held first; `skipHeld`: a conversation another
   * transaction holds is not waited for, its turns are HELD.
   */
  private async decide(tx: TenantTx, commands: RunBotCommand[], skipHeld: boolean): Promise<Turn[]> {
    const questions = await this.holdQuestions(tx, commands.map((command) => command.messageId), skipHeld);
    const answered = await this.answeredAmong(tx, [...questions.keys()]);
    const matches = new Map<string, Promise<FaqMatchResult>>();
    const matchFaqs: FaqMatcher = (text, locale) => {
      const key = `${locale}\u0000${text}`;
      const found = matches.get(key) ?? this.queryBus.execute(new MatchFaqsQuery(tx.context, text, locale, LLM_FAQ_CONTEXT));
      matches.set(key, found);
      return found;
    };
    const turns: Turn[] = commands.map(() => null);
    const toStore: { index: number; plan: Plan }[] = [];
    const patches: ConversationPatches = new Map();
    const received = commands.map((command, index) => ({ command, index, question: questions.get(command.messageId) }));
    received.sort((a, b) => (a.command.messageId < b.command.messageId ? -1 : 1));
    for (const { command, index, question } of received) {
      if (question === undefined) {
        turns[index] = skipHeld ? HELD : null;
        continue;
      }
      // The same message twice in a batch (a duplicated job) is answered once.
      if (answered.has(question.id)) continue;
      answered.add(question.id);
      const plan = await this.plan(tx, command, question, matchFaqs);
      if (plan === null) continue;
      if (plan.llm !== null) {
        turns[index] = plan;
        continue;
      }
      if (plan.answer === null) this.fallBack(plan);
      toStore.push({ index, plan: this.settle(plan, patches) });
    }
    const stored = await this.store(
      tx,
      toStore.map(({ plan }) => plan),
      patches,
    );
    toStore.forEach(({ index }, position) => (turns[index] = stored[position]));
    return turns;
  }

  /**
   * The customers' messages with their conversations and channels, the conversations held first
   * (holdConversationsOf): a retried or duplicated job, or an agent taking over, waits for these
   * turns and then finds them done. `skipHeld` leaves out those whose conversation another
   * transaction holds. A conversation's messages share one object, so a turn sees what an earlier one
   * changed on it.
   */
  private async holdQuestions(tx: TenantTx, messageIds: string[], skipHeld: boolean): Promise<Map<string, Message>> {
    const held = await holdConversationsOf(tx, messageIds, skipHeld);
    if (held?.size === 0) return new Map();
    const query = tx.repository(Message).scopedQuery('m').innerJoinAndSelect('m.conversation', 'c').innerJoinAndSelect('c.channel', 'ch').andWhere('m.id IN (:...messageIds)', { messageIds });
    if (held !== null) query.andWhere('c.id IN (:...held)', { held: [...held] });
    const conversations = new Map<string, Conversation>();
    const questions = new Map<string, Message>();
    for (const question of await query.getMany()) {
      const conversation = question.conversation as Conversation;
      question.conversation = conversations.get(conversation.id) ?? conversations.set(conversation.id, conversation).get(conversation.id);
      questions.set(question.id, question);
    }
    return questions;
  }

  /** The questions among these that the bot has answered already. */
  private async answeredAmong(tx: TenantTx, questionIds: string[]): Promise<Set<string>> {
    if (questionIds.length === 0) return new Set();
    const replies = await tx.repository(Message).find({ select: { tenantId: true, id: true, replyToId: true }, where: { replyToId: In(questionIds), senderType: 'bot' } });
    return new Set(replies.map((reply) => reply.replyToId as string));
  }

  private async plan(tx: TenantTx, command: RunBotCommand, question: Message, matchFaqs: FaqMatcher): Promise<Plan | null> {
    if (question.direction !== 'inbound') return null;
    const conversation = question.conversation as Conversation;
    const channel = conversation.channel as Channel;
    if (!conversation.botEnabled) return null;
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
    await this.answerFromKnowledge(tx, plan, text, matchFaqs);
    return plan;
  }

  /** FAQ, then the catalogue; else prepares the LLM's context (FAQ top 3, last messages). */
  private async answerFromKnowledge(tx: TenantTx, plan: Plan, text: string, matchFaqs: FaqMatcher): Promise<void> {
    const { profile } = plan;
    const matches = (await matchFaqs(text, profile.locale)).data;
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

  /** The plan's changes to its conversation, made on the object this transaction holds (a later turn of it sees them) and kept to be written. */
  private settle(plan: Plan, patches: ConversationPatches): Plan {
    const { conversation } = plan;
    const patch = patches.get(conversation.id) ?? {};
    if (plan.handoff) {
      conversation.botEnabled = false;
      Object.assign(patch, { botEnabled: false, status: 'pending', version: () => 'version + 1', updatedAt: new Date() });
    }
    if (plan.pendingQuote !== undefined && (plan.pendingQuote !== null || conversation.pendingQuote !== null)) {
      conversation.pendingQuote = plan.pendingQuote;
      patch.pendingQuote = plan.pendingQuote;
    }
    if (Object.keys(patch).length > 0) patches.set(conversation.id, patch);
    return plan;
  }

  /** Stores the replies of settled plans whose conversations this transaction holds, in one statement; per plan, those to send, in order. */
  private async store(tx: TenantTx, plans: Plan[], patches: ConversationPatches): Promise<Stored[]> {
    const drafts: (ReplyDraft & { plan: number })[] = [];
    plans.forEach((plan, index) => {
      const { conversation, web, question: replyTo } = plan;
      if (plan.greeting !== null) {
        const botSteps = plan.answer === null ? plan.steps : [plan.steps[0]];
        drafts.push({ plan: index, conversation, web, fields: { senderType: 'bot', senderId: null, text: plan.greeting, replyTo, motion: MOTIONS.greeting, botSteps, deliveredByCaller: true } });
      }
      if (plan.answer !== null) {
        const { text, motion, fromFaq, faqId, faqScore } = plan.answer;
        drafts.push({ plan: index, conversation, web, fields: { senderType: 'bot', senderId: null, text, replyTo, motion, fromFaq, faqId, faqScore, botSteps: plan.steps, deliveredByCaller: true } });
      }
    });
    const messages = await storeReplies(tx, drafts);
    const hits = new Map<string, number>();
    for (const { answer } of plans) if (answer?.faqId !== undefined) hits.set(answer.faqId, (hits.get(answer.faqId) ?? 0) + 1);
    // In id order: two batches adding hits to the same FAQs never wait for each other crosswise.
    for (const [faqId, count] of [...hits].sort(([a], [b]) => (a < b ? -1 : 1))) await this.commandBus.execute(new RecordFaqHitCommand(tx.context, faqId, count));
    for (const { quoteRequested, conversation } of plans) if (quoteRequested && conversation.leadId !== null) await this.commandBus.execute(new RecordQuoteRequestedCommand(tx.context, conversation.leadId));
    for (const [id, patch] of patches) await tx.repository(Conversation).update({ id }, patch);
    const stored = plans.map(({ conversation }): Stored => ({ conversationId: conversation.id, replies: [] }));
    drafts.forEach(({ plan, web }, index) => {
      if (!web) stored[plan].replies.push({ messageId: messages[index].id, claim: deliveryClaim(this.cipher, messages[index], plans[plan].conversation, plans[plan].channel) });
    });
    return stored;
  }
}
