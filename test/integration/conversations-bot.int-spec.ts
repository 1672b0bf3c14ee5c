import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { AddModelPriceCommand } from '../../libs/catalog/src/commands/add-model-price/add-model-price.command';
import { CreateBrandCommand } from '../../libs/catalog/src/commands/create-brand/create-brand.command';
import { CreateCategoryCommand } from '../../libs/catalog/src/commands/create-category/create-category.command';
import { CreateModelCommand } from '../../libs/catalog/src/commands/create-model/create-model.command';
import { BodyType } from '../../libs/catalog/src/domain/body-type.entity';
import { LearnFromAgentReplyCommand } from '../../libs/conversations/src/commands/learn-from-agent-reply/learn-from-agent-reply.command';
import { holdName } from '../../libs/conversations/src/commands/conversation-holds';
import { BotOutcome, RunBotCommand } from '../../libs/conversations/src/commands/run-bot/run-bot.command';
import { SendAgentReplyCommand } from '../../libs/conversations/src/commands/send-agent-reply/send-agent-reply.command';
import { SummarizeConversationCommand } from '../../libs/conversations/src/commands/summarize-conversation/summarize-conversation.command';
import { SweepIdleConversationsCommand } from '../../libs/conversations/src/commands/sweep-idle-conversations/sweep-idle-conversations.command';
import { UpdateConversationCommand } from '../../libs/conversations/src/commands/update-conversation/update-conversation.command';
import { PENDING_QUOTE_TTL_MS } from '../../libs/conversations/src/domain/bot-decisions';
import { Conversation } from '../../libs/conversations/src/domain/conversation.entity';
import { BotReplyProcessor } from '../../libs/conversations/src/jobs/bot-reply.processor';
import { BotReplyJob } from '../../libs/conversations/src/jobs/bot-reply.route';
import { Lead } from '../../libs/crm/src/domain/lead.entity';
import { CreateFaqCommand } from '../../libs/knowledge/src/commands/create-faq/create-faq.command';
import { FaqView } from '../../libs/knowledge/src/commands/faq.view';
import { PutBotTextCommand } from '../../libs/knowledge/src/commands/put-bot-text/put-bot-text.command';
import { UpdateBotSettingsCommand } from '../../libs/knowledge/src/commands/update-bot-settings/update-bot-settings.command';
import { UpdateBotSettingsRequest } from '../../libs/knowledge/src/commands/update-bot-settings/update-bot-settings.request';
import { DEFAULT_BOT_TEXTS } from '../../libs/knowledge/src/domain/bot-defaults';
import { Faq } from '../../libs/knowledge/src/domain/faq.entity';
import { JOBS, lockKeySql, newId, QueueJob, QUEUES, SYSTEM_ACTOR } from '@saler/platform';
import { ConversationsKit, Received, stepsOf, TelegramChannel, TestTenant } from '../support/conversations-kit';
import { PlatformStub, StubRequest } from '../support/platform-stub';
import { eventually } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

const EN = DEFAULT_BOT_TEXTS.en;
const RU = DEFAULT_BOT_TEXTS.ru;

/**
 * The bot's turn on a customer's message (RunBotCommand, as the worker runs it after
 * message.received), and the idle summary and the learning that follow, at handler level on both
 * drivers. Tenants are registered, channels created and messages received through the real commands;
 * the LLM is an OpenAI-compatible stub.
 */
describe(`conversations: bot, summaries and learning (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let stub: PlatformStub;
  let kit: ConversationsKit;

  beforeAll(async () => {
    stub = await PlatformStub.start();
    db = await createTestDatabase();
    kit = await ConversationsKit.start(db, stub, { LLM_TIMEOUT_MS: '2000' });
  });

  afterAll(async () => {
    await kit?.close();
    await stub?.close();
    await db?.drop();
  });

  /** A registered tenant with a Telegram channel. */
  const shop = async (): Promise<{ tenant: TestTenant; channel: TelegramChannel }> => {
    const tenant = await kit.registerTenant();
    return { tenant, channel: await kit.telegramChannel(tenant) };
  };
  const runBot = (tenant: TestTenant, received: Received): Promise<BotOutcome> => kit.execute(new RunBotCommand(tenant.context, received.message.id, received.newConversation));
  /** A conversation the customer opened with a greeting of their own (left unanswered), so the next message is not a new conversation's. */
  const openChat = async (tenant: TestTenant, channel: TelegramChannel, languageCode?: string): Promise<string> => {
    const chatId = kit.newChatId();
    await kit.receive(tenant, channel, chatId, languageCode === 'ru' ? 'Добрый день' : 'Good morning', { languageCode });
    return chatId;
  };
  const faqHits = async (tenantId: string, id: string): Promise<number> => ((await kit.rows(tenantId, (tx) => tx.repository(Faq).findOne({ id }))) as Faq).hitCount;
  /** The texts sent to a Telegram chat through the stub, in order. */
  const sentTo = (chatId: string): string[] =>
    stub.requestsTo((request) => request.path.endsWith('/sendMessage') && (request.body as { chat_id?: string }).chat_id === chatId).map((request) => (request.body as { text: string }).text);
  const withLlm = async (tenant: TestTenant, apiKey: string): Promise<void> => {
    const changes: UpdateBotSettingsRequest = { llm: { baseUrl: `${stub.url}/v1`, model: 'gpt-test', apiKey } };
    await kit.execute(new UpdateBotSettingsCommand(tenant.context, changes));
  };
  const llmCalls = (apiKey: string): StubRequest[] => stub.requestsTo((request) => request.path === '/v1/chat/completions' && request.headers.authorization === `Bearer ${apiKey}`);

  /** A catalogue with one price: seat covers (named as given) for a Toyota Camry (2018–2024), 4,500.00 THB. */
  const seatCovers = async (tenant: TestTenant, name: string): Promise<{ camry: string; covers: string }> => {
    const sedan = ((await kit.rows(tenant.tenantId, (tx) => tx.repository(BodyType).findOne({ nameKey: 'sedan' }))) as BodyType).id;
    const brandId = (await kit.execute<{ id: string }>(new CreateBrandCommand(tenant.context, { name: 'Toyota' }))).id;
    const camry = (await kit.execute<{ id: string }>(new CreateModelCommand(tenant.context, { brandId, name: 'Camry', bodyTypeId: sedan, yearFrom: 2018, yearTo: 2024 }))).id;
    const covers = (await kit.execute<{ id: string }>(new CreateCategoryCommand(tenant.context, { name, active: true }))).id;
    await kit.execute(new AddModelPriceCommand(tenant.context, { modelId: camry, categoryId: covers, amountMinor: 450000, currency: 'THB', validFrom: '2020-01-01' }));
    return { camry, covers };
  };

  describe('RunBotCommand', () => {
    it('answers from a matching FAQ: the FAQ answer with its id and score, the steps, one hit, sent at once', async () => {
      const { tenant, channel } = await shop();
      const faq = await kit.execute<FaqView>(new CreateFaqCommand(tenant.context, { question: 'What is the delivery time?', answer: 'Two to three working days.' }));
      const question = await kit.receive(tenant, channel, await openChat(tenant, channel), 'What is the delivery time?');
      expect(question.newConversation).toBe(false);

      expect(await runBot(tenant, question)).toBe('answered');
      const replies = await kit.repliesTo(tenant.tenantId, question.message.id);
      expect(replies).toHaveLength(1);
      const [reply] = replies;
      expect(reply).toMatchObject({
        conversationId: question.conversationId,
        channelId: channel.id,
        direction: 'outbound',
        senderType: 'bot',
        senderId: null,
        contentType: 'text',
        text: 'Two to three working days.',
        fromFaq: true,
        faqId: faq.id,
        motion: 'nod',
        deliveryStatus: 'sent',
        deliveryAttempts: 1,
      });
      expect(reply.faqScore).toBeCloseTo(1, 5);
      expect(reply.latencyMs).toBeGreaterThanOrEqual(0);
      expect(stepsOf(reply)).toEqual(['hours:open', 'faq:matched']);
      expect(reply.botSteps?.[1].detail).toMatchObject({ faqId: faq.id, threshold: 0.3 });
      expect(await faqHits(tenant.tenantId, faq.id)).toBe(1);
      expect(sentTo(question.chatId)).toEqual(['Two to three working days.']);
      // Sent by the bot itself: no delivery job to queue.
      expect(await kit.outbox(tenant.tenantId, 'conversation.reply_queued')).toEqual([]);
      expect(await kit.conversation(tenant.tenantId, question.conversationId)).toMatchObject({ messageCount: 3, status: 'open', botEnabled: true });
    });

    it('greets a new conversation first, then answers, and sends them in that order', async () => {
      const { tenant, channel } = await shop();
      const faq = await kit.execute<FaqView>(new CreateFaqCommand(tenant.context, { question: 'Do you ship to Chiang Mai?', answer: 'Yes, in three days.' }));
      const first = await kit.receive(tenant, channel, kit.newChatId(), 'Do you ship to Chiang Mai?');
      expect(first.newConversation).toBe(true);

      expect(await runBot(tenant, first)).toBe('answered');
      const [greeting, answer, ...more] = await kit.repliesTo(tenant.tenantId, first.message.id);
      expect(more).toEqual([]);
      expect(greeting).toMatchObject({ senderType: 'bot', text: EN.greeting, motion: 'wave', fromFaq: false, faqId: null, deliveryStatus: 'sent' });
      expect(stepsOf(greeting)).toEqual(['greeting:sent']);
      expect(answer).toMatchObject({ senderType: 'bot', text: 'Yes, in three days.', fromFaq: true, faqId: faq.id, deliveryStatus: 'sent' });
      expect(stepsOf(answer)).toEqual(['greeting:sent', 'hours:open', 'faq:matched']);
      expect(sentTo(first.chatId)).toEqual([EN.greeting, 'Yes, in three days.']);
      expect((await kit.conversation(tenant.tenantId, first.conversationId))?.messageCount).toBe(3);
    });

    it('only greets on Telegram /start', async () => {
      const { tenant, channel } = await shop();
      const start = await kit.receive(tenant, channel, kit.newChatId(), '/start');
      expect(await runBot(tenant, start)).toBe('answered');
      const replies = await kit.repliesTo(tenant.tenantId, start.message.id);
      expect(replies.map((reply) => reply.text)).toEqual([EN.greeting]);
      expect(stepsOf(replies[0])).toEqual(['greeting:sent']);
      // A /start in a conversation that already exists greets again, and nothing else.
      const again = await kit.receive(tenant, channel, start.chatId, '/start ref-42');
      expect(again.newConversation).toBe(false);
      expect(await runBot(tenant, again)).toBe('answered');
      expect((await kit.repliesTo(tenant.tenantId, again.message.id)).map((reply) => [reply.text, reply.motion])).toEqual([[EN.greeting, 'wave']]);
    });

    it('hands over to a person on a hand-off phrase: the hand-off text, the bot off, the conversation pending', async () => {
      const { tenant, channel } = await shop();
      const ask = await kit.receive(tenant, channel, kit.newChatId(), 'Hi, can I talk to a person?');
      expect(await runBot(tenant, ask)).toBe('answered');
      const [greeting, handoff] = await kit.repliesTo(tenant.tenantId, ask.message.id);
      expect(greeting.text).toBe(EN.greeting);
      expect(handoff).toMatchObject({ text: EN.handoff, motion: 'bow', fromFaq: false, deliveryStatus: 'sent' });
      expect(handoff.botSteps?.[1]).toEqual({ step: 'handoff', outcome: 'requested', detail: { phrase: 'talk to a person' } });
      expect(stepsOf(handoff)).toEqual(['greeting:sent', 'handoff:requested']);
      expect(await kit.conversation(tenant.tenantId, ask.conversationId)).toMatchObject({ botEnabled: false, status: 'pending' });

      // The bot stays quiet from then on.
      const later = await kit.receive(tenant, channel, ask.chatId, 'Hello?');
      expect(await runBot(tenant, later)).toBe('skipped');
      expect(await kit.repliesTo(tenant.tenantId, later.message.id)).toEqual([]);
    });

    it('hands over on an inflected Russian phrase, in Russian', async () => {
      const { tenant, channel } = await shop();
      const chatId = await openChat(tenant, channel, 'ru');
      const ask = await kit.receive(tenant, channel, chatId, 'Позовите оператора, пожалуйста', { languageCode: 'ru' });
      expect(await runBot(tenant, ask)).toBe('answered');
      const replies = await kit.repliesTo(tenant.tenantId, ask.message.id);
      expect(replies.map((reply) => reply.text)).toEqual([RU.handoff]);
      expect(replies[0].botSteps).toEqual([{ step: 'handoff', outcome: 'requested', detail: { phrase: 'оператор' } }]);
      expect(await kit.conversation(tenant.tenantId, ask.conversationId)).toMatchObject({ locale: 'ru', botEnabled: false, status: 'pending' });
    });

    it('sends the out-of-hours text, not the fallback, when closed and no FAQ matches', async () => {
      const { tenant, channel } = await shop();
      // No opening hours on any day: closed all the time.
      await kit.execute(new UpdateBotSettingsCommand(tenant.context, { businessHours: {} }));
      const question = await kit.receive(tenant, channel, await openChat(tenant, channel), 'Do you have gift cards?');
      expect(await runBot(tenant, question)).toBe('answered');
      const [reply, ...more] = await kit.repliesTo(tenant.tenantId, question.message.id);
      expect(more).toEqual([]);
      expect(reply).toMatchObject({ text: EN.out_of_hours, motion: 'shrug', fromFaq: false });
      expect(reply.text).not.toBe(EN.fallback);
      expect(stepsOf(reply)).toEqual(['hours:closed', 'faq:no_match', 'catalog:no_intent', 'llm:not_configured', 'out_of_hours:sent']);
    });

    it('falls back without an FAQ match and without an LLM', async () => {
      const { tenant, channel } = await shop();
      await kit.execute(new CreateFaqCommand(tenant.context, { question: 'What is the delivery time?', answer: 'Two to three working days.' }));
      const question = await kit.receive(tenant, channel, await openChat(tenant, channel), 'Can I pay with bitcoin?');
      expect(await runBot(tenant, question)).toBe('answered');
      const [reply, ...more] = await kit.repliesTo(tenant.tenantId, question.message.id);
      expect(more).toEqual([]);
      expect(reply).toMatchObject({ text: EN.fallback, motion: 'shrug', fromFaq: false, faqId: null, faqScore: null, deliveryStatus: 'sent' });
      expect(stepsOf(reply)).toEqual(['hours:open', 'faq:no_match', 'catalog:no_intent', 'llm:not_configured', 'fallback:sent']);
      expect(sentTo(question.chatId)).toEqual([EN.fallback]);
    });

    it("answers with the LLM's text when one is configured, giving it the conversation", async () => {
      const { tenant, channel } = await shop();
      const key = 'sk-bot-answers-0123456789';
      await withLlm(tenant, key);
      stub.respond((request) => request.headers.authorization === `Bearer ${key}`, { status: 200, body: { choices: [{ message: { role: 'assistant', content: '  Yes, we accept bank transfers.  ' } }] } });
      const question = await kit.receive(tenant, channel, await openChat(tenant, channel), 'Can I pay by bank transfer?');
      expect(await runBot(tenant, question)).toBe('answered');
      const [reply, ...more] = await kit.repliesTo(tenant.tenantId, question.message.id);
      expect(more).toEqual([]);
      expect(reply).toMatchObject({ text: 'Yes, we accept bank transfers.', motion: 'nod', fromFaq: false, deliveryStatus: 'sent' });
      expect(stepsOf(reply)).toEqual(['hours:open', 'faq:no_match', 'catalog:no_intent', 'llm:answered']);
      const [call, ...otherCalls] = llmCalls(key);
      expect(otherCalls).toEqual([]);
      const turns = (call.body as { messages: { role: string; content: string }[] }).messages.filter((turn) => turn.role !== 'system');
      expect(turns).toEqual([
        { role: 'user', content: 'Good morning' },
        { role: 'user', content: 'Can I pay by bank transfer?' },
      ]);
    });

    it('falls back, recording the error, when the LLM answers 500', async () => {
      const { tenant, channel } = await shop();
      const key = 'sk-bot-fails-0123456789';
      await withLlm(tenant, key);
      stub.respond((request) => request.headers.authorization === `Bearer ${key}`, { status: 500, body: { error: { message: 'The server is overloaded' } } });
      const question = await kit.receive(tenant, channel, await openChat(tenant, channel), 'Can I pay by bank transfer?');
      expect(await runBot(tenant, question)).toBe('answered');
      const [reply, ...more] = await kit.repliesTo(tenant.tenantId, question.message.id);
      expect(more).toEqual([]);
      expect(reply).toMatchObject({ text: EN.fallback, motion: 'shrug' });
      expect(stepsOf(reply)).toEqual(['hours:open', 'faq:no_match', 'catalog:no_intent', 'llm:error', 'fallback:sent']);
      expect(reply.botSteps?.[3].detail).toMatchObject({ error: 'HTTP 500: The server is overloaded' });
      expect(llmCalls(key)).toHaveLength(1);
    });

    it('answers a message once: running again (or twice at once) stores nothing more', async () => {
      const { tenant, channel } = await shop();
      const faq = await kit.execute<FaqView>(new CreateFaqCommand(tenant.context, { question: 'What is the delivery time?', answer: 'Two to three working days.' }));
      const question = await kit.receive(tenant, channel, kit.newChatId(), 'What is the delivery time?');
      const outcomes = await Promise.all([runBot(tenant, question), runBot(tenant, question)]);
      expect(outcomes.sort()).toEqual(['answered', 'skipped']);
      const stored = await kit.repliesTo(tenant.tenantId, question.message.id);
      expect(stored.map((reply) => reply.text)).toEqual([EN.greeting, 'Two to three working days.']);
      expect(sentTo(question.chatId)).toEqual([EN.greeting, 'Two to three working days.']);

      expect(await runBot(tenant, question)).toBe('skipped');
      expect((await kit.repliesTo(tenant.tenantId, question.message.id)).map((reply) => reply.id)).toEqual(stored.map((reply) => reply.id));
      expect(sentTo(question.chatId)).toHaveLength(2);
      expect(await faqHits(tenant.tenantId, faq.id)).toBe(1);
      expect((await kit.conversation(tenant.tenantId, question.conversationId))?.messageCount).toBe(3);
    });

    it('skips a conversation whose bot was turned off, storing nothing', async () => {
      const { tenant, channel } = await shop();
      await kit.execute(new CreateFaqCommand(tenant.context, { question: 'What is the delivery time?', answer: 'Two to three working days.' }));
      const question = await kit.receive(tenant, channel, await openChat(tenant, channel), 'What is the delivery time?');
      await kit.execute(new UpdateConversationCommand(tenant.owner.context, tenant.owner.caller, question.conversationId, { botEnabled: false }, undefined));
      const before = await kit.conversation(tenant.tenantId, question.conversationId);

      expect(await runBot(tenant, question)).toBe('skipped');
      expect(await kit.repliesTo(tenant.tenantId, question.message.id)).toEqual([]);
      expect(sentTo(question.chatId)).toEqual([]);
      expect((await kit.conversation(tenant.tenantId, question.conversationId))?.messageCount).toBe(before?.messageCount);
    });

    it("quotes a catalogue price and marks the lead's quote request", async () => {
      const { tenant, channel } = await shop();
      const { camry, covers } = await seatCovers(tenant, 'Seat covers');
      const question = await kit.receive(tenant, channel, await openChat(tenant, channel), 'How much are seat covers for a Toyota Camry 2019?');
      const leadId = ((await kit.conversation(tenant.tenantId, question.conversationId)) as Conversation).leadId as string;
      const lead = () => kit.rows(tenant.tenantId, async (tx) => (await tx.repository(Lead).findOne({ id: leadId })) as Lead);
      expect((await lead()).quoteRequestedAt).toBeNull();

      expect(await runBot(tenant, question)).toBe('answered');
      const [reply, ...more] = await kit.repliesTo(tenant.tenantId, question.message.id);
      expect(more).toEqual([]);
      expect(reply).toMatchObject({ text: 'Seat covers for Toyota Camry (2018–2024): 4,500.00 THB.', motion: 'point', fromFaq: false, deliveryStatus: 'sent' });
      expect(stepsOf(reply)).toEqual(['hours:open', 'faq:no_match', 'catalog:quoted']);
      expect(reply.botSteps?.[2].detail).toEqual({ categoryId: covers, modelId: camry, totalMinor: 450000 });
      expect((await lead()).quoteRequestedAt).toBeInstanceOf(Date);
    });

    it("asks for the car, remembers the product on the conversation, and quotes with the tenant's template when the car comes", async () => {
      const { tenant, channel } = await shop();
      const { camry, covers } = await seatCovers(tenant, 'Чехлы');
      await kit.execute(new PutBotTextCommand(tenant.context, 'quote', 'ru', '{product} на {model} — всего {price}!'));
      const chatId = await openChat(tenant, channel, 'ru');
      const conversation = async (conversationId: string) => (await kit.conversation(tenant.tenantId, conversationId)) as Conversation;

      const question = await kit.receive(tenant, channel, chatId, 'Сколько стоят чехлы?', { languageCode: 'ru' });
      await runBot(tenant, question);
      const [asked] = await kit.repliesTo(tenant.tenantId, question.message.id);
      expect(asked).toMatchObject({ text: RU.quote_ask_model, motion: 'point' });
      expect(stepsOf(asked)).toEqual(['hours:open', 'faq:no_match', 'catalog:ask_model']);
      expect((await conversation(question.conversationId)).pendingQuote).toEqual({ categoryId: covers, modelId: null, askedAt: question.message.createdAt.toISOString() });

      const answer = await kit.receive(tenant, channel, chatId, 'камри', { languageCode: 'ru' });
      await runBot(tenant, answer);
      const [quoted] = await kit.repliesTo(tenant.tenantId, answer.message.id);
      expect(quoted.text).toBe('Чехлы на Toyota Camry (2018–2024) — всего 4\u00a0500,00 THB!');
      expect(quoted.botSteps?.[2]).toEqual({ step: 'catalog', outcome: 'quoted', detail: { categoryId: covers, modelId: camry, totalMinor: 450000 } });
      expect((await conversation(question.conversationId)).pendingQuote).toBeNull();

      // Without the draft, the car alone is not a price question.
      const again = await kit.receive(tenant, channel, chatId, 'камри', { languageCode: 'ru' });
      await runBot(tenant, again);
      expect(stepsOf((await kit.repliesTo(tenant.tenantId, again.message.id))[0])).toEqual(['hours:open', 'faq:no_match', 'catalog:no_intent', 'llm:not_configured', 'fallback:sent']);
    });

    it('forgets a pending quote after a day', async () => {
      const { tenant, channel } = await shop();
      const { covers } = await seatCovers(tenant, 'Seat covers');
      const chatId = await openChat(tenant, channel);
      const question = await kit.receive(tenant, channel, chatId, 'camry please');
      const askedAt = new Date(question.message.createdAt.getTime() - PENDING_QUOTE_TTL_MS - 1000).toISOString();
      await kit.rows(tenant.tenantId, (tx) => tx.repository(Conversation).update({ id: question.conversationId }, { pendingQuote: { categoryId: covers, modelId: null, askedAt } }));
      await runBot(tenant, question);
      expect(stepsOf((await kit.repliesTo(tenant.tenantId, question.message.id))[0])).toEqual(['hours:open', 'faq:no_match', 'catalog:no_intent', 'llm:not_configured', 'fallback:sent']);
    });
  });

  describe('RunBotCommand, many at once', () => {
    const FAQ = { question: 'What is the delivery time?', answer: 'Two to three working days.' };
    /** Runs the turns as concurrent jobs would, after one that occupies the tenant's batcher (the first goes alone; the others wait and go together). */
    const runTogether = (tenant: TestTenant, first: Received, others: Received[]): Promise<PromiseSettledResult<BotOutcome>[]> =>
      Promise.allSettled([first, ...others].map((received) => runBot(tenant, received)));
    const texts = async (tenant: TestTenant, received: Received): Promise<string[]> => (await kit.repliesTo(tenant.tenantId, received.message.id)).map((reply) => reply.text ?? '');
    const admin = async (): Promise<Client> => {
      const client = new Client({ connectionString: db.adminUrl });
      await client.connect();
      return client;
    };

    it("answers a tenant's concurrent turns together: each once, in the order written, hits and counts summed", async () => {
      const { tenant, channel } = await shop();
      const faq = await kit.execute<FaqView>(new CreateFaqCommand(tenant.context, FAQ));
      const starter = await kit.receive(tenant, channel, kit.newChatId(), FAQ.question);
      const chats: Received[][] = [];
      for (let chat = 0; chat < 6; chat++) {
        const chatId = kit.newChatId();
        chats.push([await kit.receive(tenant, channel, chatId, FAQ.question), await kit.receive(tenant, channel, chatId, 'Can I pay with bitcoin?')]);
      }
      // Later messages first, and one message twice (a duplicated job): the batch still answers in the order written, once.
      const others = [...chats.map(([, second]) => second), ...chats.map(([first]) => first), chats[0][1]];
      const outcomes = await runTogether(tenant, starter, others);

      expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : outcome.reason))).toEqual(['answered', ...others.slice(0, -1).map(() => 'answered'), 'skipped']);
      for (const [first, second] of chats) {
        expect(await texts(tenant, first)).toEqual([EN.greeting, FAQ.answer]);
        expect(await texts(tenant, second)).toEqual([EN.fallback]);
        expect(sentTo(first.chatId)).toEqual([EN.greeting, FAQ.answer, EN.fallback]);
        const [answer] = (await kit.repliesTo(tenant.tenantId, first.message.id)).slice(1);
        expect(answer).toMatchObject({ fromFaq: true, faqId: faq.id, deliveryStatus: 'sent', deliveryAttempts: 1 });
        expect(stepsOf(answer)).toEqual(['greeting:sent', 'hours:open', 'faq:matched']);
        expect(await kit.conversation(tenant.tenantId, first.conversationId)).toMatchObject({ messageCount: 5, status: 'open', botEnabled: true });
      }
      expect(await faqHits(tenant.tenantId, faq.id)).toBe(7);
      // Stored together: the batch's replies share one time (the starter's turn has its own).
      const batched = (await Promise.all(chats.flat().map((received) => kit.repliesTo(tenant.tenantId, received.message.id)))).flat();
      expect(new Set(batched.map((reply) => reply.createdAt.getTime())).size).toBe(1);
      expect(batched.every((reply) => reply.latencyMs !== null && reply.latencyMs >= 0)).toBe(true);
    });

    it("stops at a hand-off within a batch: the conversation's later message gets no answer", async () => {
      const { tenant, channel } = await shop();
      await kit.execute(new CreateFaqCommand(tenant.context, FAQ));
      const starter = await kit.receive(tenant, channel, kit.newChatId(), FAQ.question);
      const chatId = await openChat(tenant, channel);
      const asked = await kit.receive(tenant, channel, chatId, FAQ.question);
      const handoff = await kit.receive(tenant, channel, chatId, 'Can I talk to a person?');
      const later = await kit.receive(tenant, channel, chatId, FAQ.question);
      const outcomes = await runTogether(tenant, starter, [later, handoff, asked]);

      expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : outcome.reason))).toEqual(['answered', 'skipped', 'answered', 'answered']);
      expect(await texts(tenant, asked)).toEqual([FAQ.answer]);
      expect(await texts(tenant, handoff)).toEqual([EN.handoff]);
      expect(await texts(tenant, later)).toEqual([]);
      expect(sentTo(chatId)).toEqual([FAQ.answer, EN.handoff]);
      expect(await kit.conversation(tenant.tenantId, asked.conversationId)).toMatchObject({ botEnabled: false, status: 'pending', messageCount: 6 });
    });

    it('asks the LLM outside the batch: the turns it does not need are stored and sent first, and its own once it answers', async () => {
      const { tenant, channel } = await shop();
      await kit.execute(new CreateFaqCommand(tenant.context, FAQ));
      const key = 'sk-bot-batch-0123456789';
      await withLlm(tenant, key);
      stub.respond((request) => request.headers.authorization === `Bearer ${key}`, { status: 200, delayMs: 400, body: { choices: [{ message: { role: 'assistant', content: 'Yes, we accept bank transfers.' } }] } });
      const starter = await kit.receive(tenant, channel, kit.newChatId(), FAQ.question);
      const chatId = await openChat(tenant, channel);
      const llm = await kit.receive(tenant, channel, chatId, 'Can I pay by bank transfer?');
      const faq = await kit.receive(tenant, channel, await openChat(tenant, channel), FAQ.question);
      const running = runTogether(tenant, starter, [llm, faq]);
      for (let waited = 0; (await texts(tenant, faq)).length === 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await texts(tenant, faq)).toEqual([FAQ.answer]);
      expect(await texts(tenant, llm)).toEqual([]);

      expect((await running).map((outcome) => outcome.status === 'fulfilled' && outcome.value)).toEqual(['answered', 'answered', 'answered']);
      const [reply] = await kit.repliesTo(tenant.tenantId, llm.message.id);
      expect(reply).toMatchObject({ text: 'Yes, we accept bank transfers.', fromFaq: false, deliveryStatus: 'sent' });
      expect(stepsOf(reply)).toEqual(['hours:open', 'faq:no_match', 'catalog:no_intent', 'llm:answered']);
      expect(llmCalls(key)).toHaveLength(1);
      expect(sentTo(chatId)).toEqual(['Yes, we accept bank transfers.']);
    });

    // Holds and locks from another session, and triggers: PostgreSQL only.
    if (process.env.TEST_DB_DRIVER === 'postgres') {
      it('skips a conversation another transaction holds, and answers it alone, once, when that one ends', async () => {
        const { tenant, channel } = await shop();
        await kit.execute(new CreateFaqCommand(tenant.context, FAQ));
        const starter = await kit.receive(tenant, channel, kit.newChatId(), FAQ.question);
        const held = await kit.receive(tenant, channel, await openChat(tenant, channel), FAQ.question);
        const free = await kit.receive(tenant, channel, await openChat(tenant, channel), FAQ.question);
        const client = await admin();
        try {
          await client.query('BEGIN');
          await client.query(`SELECT pg_advisory_xact_lock(${lockKeySql('$1::text')})`, [holdName(held.conversationId)]);
          const running = runTogether(tenant, starter, [held, free]);
          // The free conversation is answered while the other is still held.
          for (let waited = 0; (await texts(tenant, free)).length === 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
          expect(await texts(tenant, free)).toEqual([FAQ.answer]);
          expect(await texts(tenant, held)).toEqual([]);
          await client.query('COMMIT');
          expect((await running).map((outcome) => outcome.status === 'fulfilled' && outcome.value)).toEqual(['answered', 'answered', 'answered']);
          expect(await texts(tenant, held)).toEqual([FAQ.answer]);
          expect(sentTo(held.chatId)).toEqual([FAQ.answer]);
        } finally {
          await client.end();
        }
      });

      it("stores the customer's next message, counted on the conversation, while the bot's turn on it is in flight", async () => {
        const { tenant, channel } = await shop();
        await kit.execute(new CreateFaqCommand(tenant.context, FAQ));
        const chatId = await openChat(tenant, channel);
        const question = await kit.receive(tenant, channel, chatId, FAQ.question);
        const client = await admin();
        // The bot's reply waits inside its INSERT, its transaction open, until the test lets it go.
        await client.query(`CREATE FUNCTION test_pause_reply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(4242); RETURN NEW; END $$`);
        await client.query(`CREATE TRIGGER test_pause_reply BEFORE INSERT ON messages FOR EACH ROW WHEN (NEW.reply_to_id = '${question.message.id}') EXECUTE FUNCTION test_pause_reply()`);
        await client.query('SELECT pg_advisory_lock(4242)');
        try {
          const turn = runBot(tenant, question);
          const paused = async () => (await client.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND NOT granted`)).rowCount === 1;
          await eventually(paused, Boolean, 10_000);
          let timer: NodeJS.Timeout | undefined;
          const next = await Promise.race([kit.receive(tenant, channel, chatId, 'And do you ship abroad?'), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 10_000)))]);
          clearTimeout(timer);
          expect(next).not.toBeNull();
          expect((await kit.conversation(tenant.tenantId, question.conversationId))?.messageCount).toBe(3);
          await client.query('SELECT pg_advisory_unlock(4242)');
          expect(await turn).toBe('answered');
          expect(await texts(tenant, question)).toEqual([FAQ.answer]);
          expect((await kit.conversation(tenant.tenantId, question.conversationId))?.messageCount).toBe(4);
        } finally {
          await client.query('SELECT pg_advisory_unlock_all()');
          await client.query('DROP TRIGGER test_pause_reply ON messages');
          await client.query('DROP FUNCTION test_pause_reply()');
          await client.end();
        }
      });

      it("makes an agent's reply wait for the transaction holding the conversation, its id spelt in upper case or not", async () => {
        const { tenant, channel } = await shop();
        const { conversationId } = await kit.receive(tenant, channel, await openChat(tenant, channel), 'Can a person help me?');
        const client = await admin();
        const waiting = async () =>
          (await client.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND (classid::bigint << 32 | objid::bigint) = ${lockKeySql('$1::text')}`, [holdName(conversationId)])).rowCount === 1;
        try {
          await client.query('BEGIN');
          await client.query(`SELECT pg_advisory_xact_lock(${lockKeySql('$1::text')})`, [holdName(conversationId)]);
          const reply = kit.execute(new SendAgentReplyCommand(tenant.owner.context, tenant.owner.caller, conversationId.toUpperCase(), 'Anna here, how can I help?'));
          await eventually(waiting, Boolean, 10_000);
          expect((await kit.conversation(tenant.tenantId, conversationId))?.botEnabled).toBe(true);
          await client.query('COMMIT');
          await reply;
          expect((await kit.conversation(tenant.tenantId, conversationId))?.botEnabled).toBe(false);
        } finally {
          await client.end();
        }
      });

      it('takes each turn alone when the batch fails, and fails only the turn whose reply was refused', async () => {
        const { tenant, channel } = await shop();
        const faq = await kit.execute<FaqView>(new CreateFaqCommand(tenant.context, FAQ));
        const starter = await kit.receive(tenant, channel, kit.newChatId(), FAQ.question);
        const questions: Received[] = [];
        for (let chat = 0; chat < 5; chat++) questions.push(await kit.receive(tenant, channel, await openChat(tenant, channel), FAQ.question));
        const refused = questions[2];
        const client = await admin();
        await client.query(`CREATE FUNCTION test_refuse_reply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
        await client.query(`CREATE TRIGGER test_refuse_reply BEFORE INSERT ON messages FOR EACH ROW WHEN (NEW.reply_to_id = '${refused.message.id}') EXECUTE FUNCTION test_refuse_reply()`);
        try {
          const outcomes = await runTogether(tenant, starter, questions);
          expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', ...questions.map((question) => (question === refused ? 'rejected' : 'fulfilled'))]);
          expect(String((outcomes[3] as PromiseRejectedResult).reason)).toContain('refused by the test');
          for (const question of questions) expect(await texts(tenant, question)).toEqual(question === refused ? [] : [FAQ.answer]);
          expect(sentTo(refused.chatId)).toEqual([]);
          expect(await faqHits(tenant.tenantId, faq.id)).toBe(5);
          expect((await kit.conversation(tenant.tenantId, refused.conversationId))?.messageCount).toBe(2);
        } finally {
          await client.query('DROP TRIGGER test_refuse_reply ON messages');
          await client.query('DROP FUNCTION test_refuse_reply()');
          await client.end();
        }
      });

      it("runs a bot-reply job's turns together: refused turns fail the job once the others are answered, and its retry answers only them", async () => {
        const { tenant, channel } = await shop();
        await kit.execute(new CreateFaqCommand(tenant.context, FAQ));
        const questions: Received[] = [];
        for (let chat = 0; chat < 4; chat++) questions.push(await kit.receive(tenant, channel, await openChat(tenant, channel), FAQ.question));
        const refused = [questions[1], questions[3]];
        const turns = questions.map((question) => ({ messageId: question.message.id, newConversation: false, actor: SYSTEM_ACTOR, requestId: newId() }));
        const job: QueueJob<BotReplyJob> = { id: newId(), queue: QUEUES.CONVERSATIONS, name: JOBS.BOT_REPLY, data: { tenantId: tenant.tenantId, actor: SYSTEM_ACTOR, requestId: turns[0].requestId, payload: { turns } }, attempt: 1, maxAttempts: 3 };
        const processor = new BotReplyProcessor(kit.app.get(CommandBus));
        const client = await admin();
        await client.query(`CREATE FUNCTION test_refuse_reply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
        await client.query(`CREATE TRIGGER test_refuse_reply BEFORE INSERT ON messages FOR EACH ROW WHEN (NEW.reply_to_id IN ('${refused[0].message.id}', '${refused[1].message.id}')) EXECUTE FUNCTION test_refuse_reply()`);
        try {
          const failure = await processor.process(job).then(() => null, (error: unknown) => error);
          expect(failure).toBeInstanceOf(AggregateError);
          expect((failure as AggregateError).message).toBe('2 of 4 bot turns failed');
          expect((failure as AggregateError).errors.map(String)).toEqual([expect.stringContaining('refused by the test'), expect.stringContaining('refused by the test')]);
          for (const question of questions) expect(await texts(tenant, question)).toEqual(refused.includes(question) ? [] : [FAQ.answer]);
        } finally {
          await client.query('DROP TRIGGER test_refuse_reply ON messages');
          await client.query('DROP FUNCTION test_refuse_reply()');
          await client.end();
        }

        await processor.process({ ...job, attempt: 2 });
        for (const question of questions) {
          expect(await texts(tenant, question)).toEqual([FAQ.answer]);
          expect(sentTo(question.chatId)).toEqual([FAQ.answer]);
        }
      });
    }
  });

  describe('SummarizeConversationCommand', () => {
    it('is triggered by the idle sweep: a conversation quiet for CONVERSATION_SUMMARY_IDLE_MS gets one summary job keyed by its message count, a recent one none', async () => {
      const { tenant, channel } = await shop();
      const quiet = await kit.receive(tenant, channel, kit.newChatId(), 'Do you deliver to Bangkok?');
      const recent = await kit.receive(tenant, channel, kit.newChatId(), 'And to Phuket?');
      const idleMs = 30 * 60 * 1000;
      await kit.rows(tenant.tenantId, (tx) => tx.repository(Conversation).update({ id: quiet.conversationId }, { lastMessageAt: new Date(Date.now() - idleMs - 1000) }));
      const seen = kit.queue.added.length;

      await kit.execute(new SweepIdleConversationsCommand(new Date(), newId()));
      const swept = kit.queue.added.slice(seen).map((job) => job.opts.jobId ?? '');
      expect(swept.filter((id) => id.includes(quiet.conversationId))).toEqual([`summary.${quiet.conversationId}.1`]);
      expect(swept.filter((id) => id.includes(recent.conversationId))).toEqual([]);
    });

    it('stores an extractive summary, and nothing when the conversation has moved on', async () => {
      const { tenant, channel } = await shop();
      const first = await kit.receive(tenant, channel, kit.newChatId(), 'Do you deliver to Bangkok?');
      await runBot(tenant, first);
      const conversation = (await kit.conversation(tenant.tenantId, first.conversationId)) as Conversation;
      expect(conversation).toMatchObject({ messageCount: 3, summary: null, summarizedAt: null });

      expect(await kit.execute(new SummarizeConversationCommand(tenant.context, conversation.id, 3))).toBe(true);
      const summarized = (await kit.conversation(tenant.tenantId, conversation.id)) as Conversation;
      expect(summarized.summary).toBe(`Customer: Do you deliver to Bangkok?\nBot: ${EN.greeting}\nBot: ${EN.fallback}`);
      expect(summarized.summarizedAt).toBeInstanceOf(Date);

      // The customer wrote again: the job of the third message is outdated.
      await kit.receive(tenant, channel, first.chatId, 'And to Phuket?');
      expect(await kit.execute(new SummarizeConversationCommand(tenant.context, conversation.id, 3))).toBe(false);
      const after = (await kit.conversation(tenant.tenantId, conversation.id)) as Conversation;
      expect(after).toMatchObject({ messageCount: 4, summary: summarized.summary, summarizedAt: summarized.summarizedAt });
    });

    it("stores the LLM's summary when the tenant has an LLM", async () => {
      const { tenant, channel } = await shop();
      const key = 'sk-summaries-0123456789';
      await withLlm(tenant, key);
      stub.respond((request) => request.headers.authorization === `Bearer ${key}`, { status: 200, body: { choices: [{ message: { content: 'The customer wants seat covers delivered to Bangkok.' } }] } });
      const first = await kit.receive(tenant, channel, kit.newChatId(), 'Do you deliver seat covers to Bangkok?');
      expect(await kit.execute(new SummarizeConversationCommand(tenant.context, first.conversationId, 1))).toBe(true);
      expect((await kit.conversation(tenant.tenantId, first.conversationId))?.summary).toBe('The customer wants seat covers delivered to Bangkok.');
      const [call, ...otherCalls] = llmCalls(key);
      expect(otherCalls).toEqual([]);
      const messages = (call.body as { messages: { role: string; content: string }[] }).messages;
      expect(messages[0].content).toMatch(/^Summarise this conversation/);
      expect(messages.at(-1)).toEqual({ role: 'user', content: 'Do you deliver seat covers to Bangkok?' });
    });
  });

  describe('LearnFromAgentReplyCommand', () => {
    /** The agent's reply through SendAgentReplyCommand, and the ids its AgentReplied carries. */
    const agentReplies = async (tenant: TestTenant, conversationId: string, text: string): Promise<{ messageId: string; replyToId: string }> => {
      const view = await kit.execute<{ id: string }>(new SendAgentReplyCommand(tenant.owner.context, tenant.owner.caller, conversationId, text));
      const [event] = (await kit.outbox(tenant.tenantId, 'conversation.agent_replied')).filter((row) => row.payload.messageId === view.id);
      return event.payload as { messageId: string; replyToId: string };
    };
    const faqsOf = (tenantId: string): Promise<Faq[]> => kit.rows(tenantId, (tx) => tx.repository(Faq).find({ order: { createdAt: 'ASC' } }));

    it("suggests the agent's answer as a learned FAQ after the bot fell back, and nothing after an FAQ answer", async () => {
      const { tenant, channel } = await shop();
      const known = await kit.execute<FaqView>(new CreateFaqCommand(tenant.context, { question: 'What is the delivery time?', answer: 'Two to three working days.' }));

      const unknown = await kit.receive(tenant, channel, await openChat(tenant, channel), 'Do you install the covers at home?');
      await runBot(tenant, unknown);
      expect(stepsOf((await kit.repliesTo(tenant.tenantId, unknown.message.id))[0])).toContain('fallback:sent');
      const fallbackReply = await agentReplies(tenant, unknown.conversationId, 'Yes, our fitter comes to you in Bangkok.');
      expect(fallbackReply.replyToId).toBe(unknown.message.id);
      expect(await kit.execute(new LearnFromAgentReplyCommand(tenant.context, fallbackReply.messageId, fallbackReply.replyToId))).toBe(true);
      const learned = (await faqsOf(tenant.tenantId)).filter((faq) => faq.id !== known.id);
      expect(learned).toEqual([
        expect.objectContaining({ question: 'Do you install the covers at home?', answer: 'Yes, our fitter comes to you in Bangkok.', status: 'suggested', learned: true, hitCount: 0 }),
      ]);

      const matched = await kit.receive(tenant, channel, await openChat(tenant, channel), 'What is the delivery time?');
      await runBot(tenant, matched);
      expect((await kit.repliesTo(tenant.tenantId, matched.message.id))[0]).toMatchObject({ fromFaq: true, faqId: known.id });
      const faqReply = await agentReplies(tenant, matched.conversationId, 'Usually two days to Bangkok.');
      expect(faqReply.replyToId).toBe(matched.message.id);
      const before = await faqsOf(tenant.tenantId);
      expect(await kit.execute(new LearnFromAgentReplyCommand(tenant.context, faqReply.messageId, faqReply.replyToId))).toBe(false);
      expect(await faqsOf(tenant.tenantId)).toEqual(before);
      expect(before).toHaveLength(2);
    });
  });
});
