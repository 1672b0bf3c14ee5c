import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { json } from '../support/http';
import { chatPlatformEnv } from '../support/chat-platforms';
import { PlatformStub } from '../support/platform-stub';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { REDIS_URL, uniqueName } from '../support/services';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

interface Session {
  accessToken: string;
  user: { id: string };
}
interface Conversation {
  id: string;
  channelId: string;
  threadId: string;
  botEnabled: boolean;
  assigneeId: string | null;
  firstResponseMs: number | null;
  summary: string | null;
  leadId: string | null;
  contactId: string;
}
interface Message {
  id: string;
  direction: string;
  senderType: string;
  text: string | null;
  deliveryStatus: string | null;
  deliveryAttempts: number;
  platformMessageId: string | null;
  latencyMs: number | null;
  fromFaq: boolean;
  faqId: string | null;
  faqScore: number | null;
  motion: string | null;
  replyToId: string | null;
  botSteps: { step: string; outcome: string }[] | null;
}

const PASSWORD = 'correct horse battery staple';
const BOT_TOKEN = '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11';
const SECRET_TOKEN = 'tg-webhook-secret';
const WA = { appSecret: 'wa-app-secret', verifyToken: 'wa-verify', accessToken: 'EAAG-wa-access-token', phoneNumberId: '106540352242922' };
const FIXTURES = join(__dirname, '../fixtures/webhooks');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Retries an assertion until it passes (or the time is up, then its last failure is thrown). */
async function eventually<T>(attempt: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}
const metaSignature = (secret: string, body: Buffer | string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * The issue's end-to-end acceptance in the production shape: the api and a separate worker on
 * PostgreSQL (as saler_app) and BullMQ on Redis, the platforms' send APIs and an LLM-free bot, with
 * a local stub standing in for Telegram and the Graph API.
 */
describe('conversations and the bot (black box, api + worker, PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let api: RunningProcess;
  let worker: RunningProcess;
  let stub: PlatformStub;
  let base: string;
  let owner: Session;
  let telegramId: string;
  let whatsappId: string;
  const prefix = uniqueName('conv');

  const call = (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const telegram = (updateId: number, text: string, from = { id: 555, first_name: 'Ann', language_code: 'en' }) =>
    call('POST', `/webhooks/telegram/${telegramId}`, undefined, JSON.stringify({ update_id: updateId, message: { message_id: updateId, date: 1_700_000_000, chat: { id: from.id, type: 'private', first_name: from.first_name }, from, text } }), {
      'x-telegram-bot-api-secret-token': SECRET_TOKEN,
    });
  const conversationOf = async (channelId: string): Promise<Conversation> => {
    const page = await json<{ data: Conversation[] }>(call('GET', `/conversations?channelId=${channelId}`, owner.accessToken));
    expect(page.data).toHaveLength(1);
    return page.data[0];
  };
  const messagesOf = async (conversationId: string): Promise<Message[]> => (await json<{ data: Message[] }>(call('GET', `/conversations/${conversationId}/messages?limit=100`, owner.accessToken))).data;
  const sendsTo = (chatText: string) => stub.requestsTo((request) => request.path === `/bot${BOT_TOKEN}/sendMessage` && (request.body as { text?: string }).text === chatText);

  beforeAll(async () => {
    stub = await PlatformStub.start();
    db = await createTestDatabase('postgres');
    const shared = {
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      HOST: '127.0.0.1',
      OUTBOX_POLL_INTERVAL_MS: '100',
      DATABASE_URL: db.env.DATABASE_URL,
      DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL,
      ...chatPlatformEnv(stub),
      DELIVERY_BACKOFF_MS: '200',
      CONVERSATION_SUMMARY_IDLE_MS: '2500',
    };
    const [apiPort, metricsPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${apiPort}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { ...shared, PORT: String(apiPort) } });
    worker = startProcess({ entry: { dist: 'apps/worker/src/main.js' }, env: { ...shared, WORKER_METRICS_PORT: String(metricsPort) } });
    await Promise.all([waitForReady(api, `${base}/health/ready`, 60_000), waitForReady(worker, `http://127.0.0.1:${metricsPort}/health/ready`, 60_000)]);
    owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Chat Shop', tenantSlug: uniqueName('chat').toLowerCase().replace(/_/g, '-').slice(0, 30), email: 'owner@chat.example', password: PASSWORD, name: 'Owner' }));
    telegramId = (await json<{ id: string }>(call('POST', '/channels', owner.accessToken, { type: 'telegram', name: 'Shop bot', credentials: { botToken: BOT_TOKEN, secretToken: SECRET_TOKEN } }))).id;
    whatsappId = (await json<{ id: string }>(call('POST', '/channels', owner.accessToken, { type: 'whatsapp', name: 'Shop WhatsApp', credentials: WA }))).id;
    expect((await call('POST', '/faqs', owner.accessToken, { question: 'What is the delivery time?', answer: 'Two to three working days.' })).status).toBe(201);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await worker?.stop('SIGKILL');
    await stub?.close();
    await db?.drop();
    const redis = new IORedis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it('greets a new Telegram customer, answers an FAQ through two platform 500s exactly once, and records the reply', async () => {
    expect((await telegram(1, '/start')).status).toBe(200);
    const greeting = await eventually(async () => {
      const [sent] = stub.requestsTo(`/bot${BOT_TOKEN}/sendMessage`);
      expect(sent).toBeDefined();
      return sent;
    });
    expect(greeting.body).toMatchObject({ chat_id: '555' });

    stub.respond(`/bot${BOT_TOKEN}/sendMessage`, { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } }, { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } });
    expect((await telegram(2, 'delivry time?')).status).toBe(200);
    const conversation = await conversationOf(telegramId);
    const answer = await eventually(async () => {
      const reply = (await messagesOf(conversation.id)).find((message) => message.text === 'Two to three working days.');
      expect(reply?.deliveryStatus).toBe('sent');
      return reply as Message;
    }, 20_000);
    await sleep(1000);
    expect(sendsTo('Two to three working days.')).toHaveLength(3);
    expect(answer).toMatchObject({ direction: 'outbound', senderType: 'bot', fromFaq: true, deliveryAttempts: 3, motion: 'nod' });
    expect(answer.faqId).not.toBeNull();
    expect(answer.faqScore).toBeGreaterThan(0.2);
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
    expect(answer.platformMessageId).toMatch(/^555:\d+$/);
    expect(answer.botSteps?.map((step) => `${step.step}:${step.outcome}`)).toEqual(['hours:open', 'faq:matched']);
    expect(conversation.leadId).not.toBeNull();
    const faqs = await json<{ data: { id: string; hitCount: number }[] }>(call('GET', '/faqs', owner.accessToken));
    expect(faqs.data.find((faq) => faq.id === answer.faqId)?.hitCount).toBe(1);
  });

  it("hands off to an agent: the agent's reply turns the bot off, and the bot stays quiet afterwards", async () => {
    const conversation = await conversationOf(telegramId);
    const reply = await call('POST', `/conversations/${conversation.id}/messages`, owner.accessToken, { text: 'Hi Ann, I am Olga from the shop.' });
    expect(reply.status).toBe(201);
    expect(await json<Message>(reply)).toMatchObject({ senderType: 'agent', deliveryStatus: 'queued' });
    const after = await json<Conversation>(call('GET', `/conversations/${conversation.id}`, owner.accessToken));
    expect(after).toMatchObject({ botEnabled: false, assigneeId: owner.user.id });
    expect(after.firstResponseMs).toBeGreaterThanOrEqual(0);
    await eventually(async () => expect(sendsTo('Hi Ann, I am Olga from the shop.')).toHaveLength(1));

    expect((await telegram(3, 'delivery time?')).status).toBe(200);
    await eventually(async () => expect((await messagesOf(conversation.id)).filter((message) => message.direction === 'inbound')).toHaveLength(3));
    await sleep(1500);
    const outbound = (await messagesOf(conversation.id)).filter((message) => message.direction === 'outbound');
    expect(outbound.map((message) => message.senderType)).toEqual(['bot', 'bot', 'agent']);
  });

  it('moves an outbound WhatsApp message to delivered on a status webhook, and learns from an agent answer the bot lacked', async () => {
    const fixture = readFileSync(join(FIXTURES, 'whatsapp-text.json'));
    expect((await call('POST', `/webhooks/whatsapp/${whatsappId}`, undefined, fixture.toString(), { 'x-hub-signature-256': metaSignature(WA.appSecret, fixture) })).status).toBe(200);
    const conversation = await eventually(() => conversationOf(whatsappId));
    const fallback = await eventually(async () => {
      const reply = (await messagesOf(conversation.id)).find((message) => message.botSteps?.some((step) => step.step === 'fallback'));
      expect(reply?.deliveryStatus).toBe('sent');
      return reply as Message;
    }, 20_000);
    expect(fallback.platformMessageId).toMatch(/^wamid\./);
    const [sent] = stub.requestsTo(`/v21.0/${WA.phoneNumberId}/messages`).filter((request) => (request.body as { text?: { body?: string } }).text?.body === fallback.text);
    expect(sent.headers.authorization).toBe(`Bearer ${WA.accessToken}`);
    expect(sent.body).toMatchObject({ messaging_product: 'whatsapp', to: '16505551234', type: 'text' });

    const status = readFileSync(join(FIXTURES, 'whatsapp-status.json'), 'utf8').replace('wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA', fallback.platformMessageId as string);
    const statusResponse = await call('POST', `/webhooks/whatsapp/${whatsappId}`, undefined, status, { 'x-hub-signature-256': metaSignature(WA.appSecret, status) });
    expect(statusResponse.status).toBe(200);
    expect(await json(statusResponse)).toMatchObject({ statuses: 1 });
    expect((await messagesOf(conversation.id)).find((message) => message.id === fallback.id)?.deliveryStatus).toBe('delivered');

    expect((await call('POST', `/conversations/${conversation.id}/messages`, owner.accessToken, { text: 'Yes: black, grey and beige.' })).status).toBe(201);
    await eventually(async () => {
      const suggested = await json<{ data: { question: string; answer: string; learned: boolean }[] }>(call('GET', '/faqs?status=suggested', owner.accessToken));
      expect(suggested.data).toEqual([expect.objectContaining({ question: 'Does it come in another color?', answer: 'Yes: black, grey and beige.', learned: true })]);
    });
  });

  it('answers "сколько стоят коврики на камри" with a formatted quote, and asks for the car when a price question lacks it, remembering the product', async () => {
    const post = async (path: string, body: unknown): Promise<{ id: string }> => {
      const response = await call('POST', path, owner.accessToken, body);
      expect(response.status).toBe(201);
      return json<{ id: string }>(response);
    };
    const bodyTypes = await json<{ data: { id: string; name: string }[] }>(call('GET', '/catalog/body-types?limit=200', owner.accessToken));
    const sedan = (bodyTypes.data.find((type) => type.name.toLowerCase() === 'sedan') as { id: string }).id;
    const toyota = await post('/catalog/brands', { name: 'Toyota', aliases: ['Тойота'] });
    await post('/catalog/models', { brandId: toyota.id, name: 'Camry', bodyTypeId: sedan, yearFrom: 2018, yearTo: 2024 });
    const mats = await post('/catalog/categories', { name: 'Коврики', active: true });
    const covers = await post('/catalog/categories', { name: 'Чехлы', active: true });
    await post('/catalog/base-prices', { categoryId: mats.id, bodyTypeId: sedan, amountMinor: 450000, currency: 'RUB', validFrom: '2026-01-01' });
    await post('/catalog/base-prices', { categoryId: covers.id, bodyTypeId: sedan, amountMinor: 1250000, currency: 'RUB', validFrom: '2026-01-01' });
    const boris = { id: 777, first_name: 'Борис', language_code: 'ru' };
    const sentTo777 = () => stub.requestsTo((request) => request.path === `/bot${BOT_TOKEN}/sendMessage` && (request.body as { chat_id?: string }).chat_id === '777').map((request) => (request.body as { text: string }).text);

    expect((await telegram(20, 'сколько стоят коврики на камри', boris)).status).toBe(200);
    const quote = 'Коврики для Toyota Camry (2018–2024): 4\u00a0500,00 RUB.';
    await eventually(() => expect(sentTo777()).toEqual(['Здравствуйте! Спасибо, что написали. Спросите меня о наших товарах, ценах или доставке.', quote]), 20_000);
    const conversation = (await json<{ data: Conversation[] }>(call('GET', `/conversations?channelId=${telegramId}`, owner.accessToken))).data.find((candidate) => candidate.threadId === '777') as Conversation;
    const reply = await eventually(async () => {
      const found = (await messagesOf(conversation.id)).find((message) => message.text === quote);
      expect(found?.deliveryStatus).toBe('sent');
      return found as Message;
    });
    expect(reply).toMatchObject({ senderType: 'bot', motion: 'point', fromFaq: false });
    expect(reply.botSteps?.map((step) => `${step.step}:${step.outcome}`)).toEqual(['greeting:sent', 'hours:open', 'faq:no_match', 'catalog:quoted']);

    expect((await telegram(21, 'А сколько стоят чехлы?', boris)).status).toBe(200);
    await eventually(() => expect(sentTo777().slice(2)).toEqual(['Для какой машины? Напишите марку и модель.']), 20_000);
    expect((await telegram(22, 'камри', boris)).status).toBe(200);
    await eventually(() => expect(sentTo777().slice(3)).toEqual(['Чехлы для Toyota Camry (2018–2024): 12\u00a0500,00 RUB.']), 20_000);
  });

  it('summarises a conversation once it has been idle (extractive without an LLM)', async () => {
    const conversation = await conversationOf(whatsappId);
    const summarised = await eventually(async () => {
      const current = await json<Conversation>(call('GET', `/conversations/${conversation.id}`, owner.accessToken));
      expect(current.summary).not.toBeNull();
      return current;
      // Idle for CONVERSATION_SUMMARY_IDLE_MS, then found by the sweep that runs every 15 s.
    }, 40_000);
    expect(summarised.summary).toContain('Does it come in another color?');
  });
});
