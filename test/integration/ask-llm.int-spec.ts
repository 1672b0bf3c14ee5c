import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { APP_CONFIG, AppConfig, newId, UnitOfWork } from '@saler/platform';
import { UpdateBotSettingsCommand } from '../../libs/knowledge/src/commands/update-bot-settings/update-bot-settings.command';
import { BotSettings } from '../../libs/knowledge/src/domain/bot-settings.entity';
import { AskLlmInput } from '../../libs/knowledge/src/domain/llm-prompt';
import { KnowledgeTenantProvisioner } from '../../libs/knowledge/src/knowledge-tenant-provisioner';
import { KnowledgeModule } from '../../libs/knowledge/src/knowledge.module';
import { AskLlmQuery, LlmAnswer } from '../../libs/knowledge/src/queries/ask-llm/ask-llm.query';
import { FAILURES_TO_OPEN } from '../../libs/knowledge/src/queries/ask-llm/llm-circuit-breakers';
import { isPublicAddress } from '../../libs/knowledge/src/queries/ask-llm/public-network';
import { PlatformStub, StubRequest } from '../support/platform-stub';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

const TIMEOUT_MS = 400;

const question: AskLlmInput = {
  purpose: 'reply',
  faqs: [
    { question: 'What is the delivery time?', answer: 'Two to three working days.' },
    { question: 'Do you ship abroad?', answer: 'Yes, to the EU.' },
  ],
  history: [
    { role: 'customer', text: 'Hello' },
    { role: 'bot', text: 'Hi! How can I help?' },
    { role: 'agent', text: 'I am here too.' },
    { role: 'customer', text: 'How long does delivery to Madrid take?' },
  ],
};

/**
 * AskLlmQuery against a local OpenAI-compatible stub, on both drivers: the request it sends, and each
 * outcome (answered, not configured, timeout, error, circuit open), and the public-network guard
 * that is on unless LLM_ALLOW_PRIVATE_NETWORK is set.
 */
describe(`AskLlmQuery (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let stub: PlatformStub;

  const ask = (tenantId: string, input: AskLlmInput = question): Promise<LlmAnswer> => app.get(QueryBus).execute(new AskLlmQuery(contextOf(tenantId), input));
  const chatCalls = (apiKey: string): StubRequest[] => stub.requestsTo((request) => request.path === '/v1/chat/completions' && request.headers.authorization === `Bearer ${apiKey}`);
  /** A provisioned tenant using the stub with its own API key. */
  async function tenantWithLlm(apiKey: string): Promise<string> {
    const tenantId = newId();
    await app.get(UnitOfWork).run(contextOf(tenantId), (tx) => app.get(KnowledgeTenantProvisioner).provision(tx));
    await app.get(CommandBus).execute(new UpdateBotSettingsCommand(contextOf(tenantId), { llm: { baseUrl: `${stub.url}/v1`, model: 'gpt-test', apiKey } }));
    return tenantId;
  }

  beforeAll(async () => {
    stub = await PlatformStub.start();
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [KnowledgeModule], env: { LLM_TIMEOUT_MS: String(TIMEOUT_MS), LLM_ALLOW_PRIVATE_NETWORK: 'true' } });
  });

  afterAll(async () => {
    await app?.close();
    await stub?.close();
    await db?.drop();
  });

  it('answers "not_configured" without a provider, without calling anything', async () => {
    const tenantId = newId();
    await app.get(UnitOfWork).run(contextOf(tenantId), (tx) => app.get(KnowledgeTenantProvisioner).provision(tx));
    expect(await ask(tenantId)).toEqual({ outcome: 'not_configured', ms: expect.any(Number) as number });
    expect(stub.requests).toEqual([]);
  });

  it('sends the model, the opened key, the system prompt, the FAQ context and the history in order, and returns the text', async () => {
    const key = 'sk-answered-0123456789';
    const tenantId = await tenantWithLlm(key);
    const sealed = await app.get(UnitOfWork).run(contextOf(tenantId), (tx) => tx.repository(BotSettings).findOne({}));
    expect(sealed?.llmApiKeySealed).not.toContain(key);
    stub.chatAnswer = '  Delivery to Madrid takes two to three working days.  ';
    const answer = await ask(tenantId);
    expect(answer).toEqual({ outcome: 'answered', text: 'Delivery to Madrid takes two to three working days.', ms: expect.any(Number) as number });
    const [call] = chatCalls(key);
    expect(call.method).toBe('POST');
    const body = call.body as { model: string; temperature: number; max_tokens: number; messages: { role: string; content: string }[] };
    expect(body).toMatchObject({ model: 'gpt-test', temperature: 0.2, max_tokens: expect.any(Number) as number });
    const [system, context, ...turns] = body.messages;
    expect(system.role).toBe('system');
    expect(system.content).toMatch(/sales assistant/);
    expect(context.role).toBe('system');
    expect(context.content).toContain('Q: What is the delivery time?\n   A: Two to three working days.');
    expect(context.content).toContain('Q: Do you ship abroad?\n   A: Yes, to the EU.');
    expect(turns).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi! How can I help?' },
      { role: 'assistant', content: 'I am here too.' },
      { role: 'user', content: 'How long does delivery to Madrid take?' },
    ]);
    const summary = await ask(tenantId, { ...question, purpose: 'summary' });
    expect(summary.outcome).toBe('answered');
    expect((chatCalls(key)[1].body as typeof body).messages[0].content).toMatch(/^Summarise this conversation/);
  });

  it('gives up after the timeout, and reports HTTP errors and answers without text as errors', async () => {
    const key = 'sk-failing-0123456789';
    const tenantId = await tenantWithLlm(key);
    stub.respond(
      (request) => request.headers.authorization === `Bearer ${key}`,
      { status: 200, body: { choices: [{ message: { content: 'too late' } }] }, delayMs: 3000 },
      { status: 500, body: { error: { message: 'The server is overloaded' } } },
      { status: 200, body: { choices: [] } },
      { status: 200, body: { choices: [{ message: { content: '   ' } }] } },
      { status: 200, body: 'not json' },
    );
    const late = await ask(tenantId);
    expect(late).toEqual({ outcome: 'timeout', error: `No answer within ${TIMEOUT_MS} ms`, ms: expect.any(Number) as number });
    expect(late.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(late.ms).toBeLessThan(2500);
    expect(await ask(tenantId)).toMatchObject({ outcome: 'error', error: 'HTTP 500: The server is overloaded' });
    for (let i = 0; i < 3; i++) expect(await ask(tenantId)).toMatchObject({ outcome: 'error', error: 'The response has no answer text' });
    expect(chatCalls(key)).toHaveLength(5);
  });

  it(`opens the circuit of the tenant's provider after ${FAILURES_TO_OPEN} failures in a row, and stops calling it`, async () => {
    const key = 'sk-breaker-0123456789';
    const tenantId = await tenantWithLlm(key);
    const healthy = await tenantWithLlm('sk-healthy-0123456789');
    stub.respond((request) => request.headers.authorization === `Bearer ${key}`, ...Array.from({ length: FAILURES_TO_OPEN + 1 }, () => ({ status: 503 })));
    for (let i = 0; i < FAILURES_TO_OPEN; i++) expect((await ask(tenantId)).outcome).toBe('error');
    expect(await ask(tenantId)).toMatchObject({ outcome: 'circuit_open', error: expect.any(String) as string });
    expect(chatCalls(key)).toHaveLength(FAILURES_TO_OPEN);
    // Another tenant on the same provider has a circuit of its own.
    stub.chatAnswer = 'Still here.';
    expect(await ask(healthy)).toMatchObject({ outcome: 'answered', text: 'Still here.' });
  });

  describe('without LLM_ALLOW_PRIVATE_NETWORK', () => {
    let guarded: INestApplicationContext;
    const askGuarded = (tenantId: string): Promise<LlmAnswer> => guarded.get(QueryBus).execute(new AskLlmQuery(contextOf(tenantId), question));
    /** A tenant whose stored provider is `baseUrl`, as if saved while the network was allowed (the row is written directly). */
    async function tenantStoredWith(baseUrl: string, apiKey: string): Promise<string> {
      const tenantId = await tenantWithLlm(apiKey);
      await app.get(UnitOfWork).run(contextOf(tenantId), (tx) => tx.repository(BotSettings).update({}, { llm: { baseUrl, model: 'gpt-test' } }));
      return tenantId;
    }

    beforeAll(async () => {
      // The same encryption key as the other app's: it opens the keys that app sealed.
      const { encryption } = app.get<AppConfig>(APP_CONFIG);
      guarded = await createTestApp(db, { modules: [KnowledgeModule], env: { LLM_TIMEOUT_MS: String(TIMEOUT_MS), ENCRYPTION_KEY: encryption.key.toString('base64'), ENCRYPTION_KEY_ID: encryption.keyId } });
    });

    afterAll(async () => {
      await guarded?.close();
    });

    it('refuses a loopback, private or link-local provider URL with a 400 naming llm.baseUrl', async () => {
      const tenantId = newId();
      await guarded.get(UnitOfWork).run(contextOf(tenantId), (tx) => guarded.get(KnowledgeTenantProvisioner).provision(tx));
      for (const baseUrl of [`${stub.url}/v1`, 'http://localhost:11434/v1', 'http://[::1]/v1', 'http://169.254.169.254/latest', 'http://10.0.0.8/v1']) {
        await expect(guarded.get(CommandBus).execute(new UpdateBotSettingsCommand(contextOf(tenantId), { llm: { baseUrl, model: 'm', apiKey: 'sk-x' } }))).rejects.toMatchObject({ slug: 'validation', fieldErrors: [{ field: 'llm.baseUrl' }] });
      }
      expect((await guarded.get(CommandBus).execute(new UpdateBotSettingsCommand(contextOf(tenantId), { llm: { baseUrl: 'https://api.openai.com/v1', model: 'm', apiKey: 'sk-x' } }))).llm).toMatchObject({ baseUrl: 'https://api.openai.com/v1' });
    });

    it('does not send to a stored provider on an IP literal that is not public', async () => {
      const key = 'sk-literal-0123456789';
      const tenantId = await tenantStoredWith(`${stub.url}/v1`, key);
      expect(await askGuarded(tenantId)).toMatchObject({ outcome: 'error', error: 'The request was not sent: 127.0.0.1 is not a public internet address' });
      expect(chatCalls(key)).toEqual([]);
    });

    it('does not connect to a host name that resolves to a non-public address', async () => {
      const host = hostname();
      const addresses = await lookup(host, { all: true });
      // This machine's own name resolves to itself (loopback or a private address): the case the guard is for.
      expect(addresses.filter((entry) => isPublicAddress(entry.address))).toEqual([]);
      const key = 'sk-resolved-0123456789';
      const tenantId = await tenantStoredWith(`http://${host}:${new URL(stub.url).port}/v1`, key);
      expect(await askGuarded(tenantId)).toMatchObject({ outcome: 'error', error: `The request failed: ${host} is not a public internet address` });
      expect(chatCalls(key)).toEqual([]);
    });
  });
});
