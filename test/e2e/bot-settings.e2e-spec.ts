import { json, Problem } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The bot text keys of the API contract, in the order the list returns them. */
const BOT_TEXT_KEYS = ['greeting', 'fallback', 'handoff', 'out_of_hours', 'quote', 'quote_unavailable', 'quote_unpriced', 'quote_ask_model', 'quote_ask_which', 'quote_ask_product'];

jest.setTimeout(180_000);

interface Session {
  accessToken: string;
  user: { id: string };
  tenant: { id: string };
}

interface BotText {
  key: string;
  locale: string;
  text: string;
  version: number;
  updatedAt: string;
}

interface BotSettings {
  matchThreshold: number;
  timezone: string;
  businessHours: Record<string, [string, string][]> | null;
  handoffKeywords: Record<string, string[]>;
  priceKeywords: Record<string, string[]>;
  defaultLocale: string;
  llm: { baseUrl: string; model: string; apiKey: { configured: boolean; last4: string | null } } | null;
  version: number;
  updatedAt: string | null;
}

interface AuditEntry {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const PASSWORD = 'correct horse battery staple';
const PROBLEM_JSON = /^application\/problem\+json/;
const API_KEY = 'sk-live-SECRET-do-not-leak-7f3a';

/**
 * Bot texts and bot settings as a black box on PostgreSQL as saler_app: the defaults registration
 * seeds, upserts with ETags, the 400s, the LLM key that never comes back, roles and tenants.
 */
describe('knowledge: bot texts and bot settings (black box, PostgreSQL)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;
  let manager: Session;
  let agent: Session;
  let viewer: Session;
  let rival: Session;

  const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ok = async <T>(response: Response): Promise<T> => {
    if (response.status !== 200) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
    return json<T>(response);
  };
  const problem = async (response: Response, status: number, field?: string): Promise<Problem> => {
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status, body: expect.any(String) as string });
    expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    const body = JSON.parse(text) as Problem;
    if (field !== undefined) expect((body.errors ?? []).map((error) => error.field)).toContain(field);
    return body;
  };
  const patchSettings = (body: unknown, token = owner.accessToken, headers: Record<string, string> = {}) => call('PATCH', '/bot-settings', token, body, headers);
  const register = (slug: string) =>
    json<Session>(call('POST', '/auth/register', undefined, { tenantName: slug, tenantSlug: slug, email: `owner@${slug}.example`, password: PASSWORD, name: 'Owner' }));

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { ...db.env, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    owner = await register('bot-shop');
    rival = await register('rival-shop');
    const join = async (role: string) => {
      const invitation = await json<{ token: string }>(call('POST', '/invitations', owner.accessToken, { email: `${role}@bot-shop.example`, role }));
      return json<Session>(call('POST', '/invitations/accept', undefined, { token: invitation.token, name: role, password: PASSWORD }));
    };
    manager = await join('manager');
    agent = await join('agent');
    viewer = await join('viewer');
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('seeds the defaults at registration: settings (version 1) and texts in English and Russian', async () => {
    const response = await call('GET', '/bot-settings', owner.accessToken);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(await ok<BotSettings>(response)).toEqual({
      matchThreshold: 0.3,
      timezone: 'UTC',
      businessHours: null,
      handoffKeywords: { en: ['human', 'operator', 'agent', 'talk to a person', 'real person'], ru: ['оператор', 'человек', 'менеджер', 'живой человек'] },
      priceKeywords: { en: ['how much', 'price', 'prices', 'pricing', 'cost', 'costs'], ru: ['сколько', 'почём', 'почем', 'цена', 'цену', 'цены', 'стоимость', 'стоимости', 'стоит', 'стоят'] },
      defaultLocale: 'en',
      llm: null,
      version: 1,
      updatedAt: expect.any(String) as string,
    });
    const texts = await ok<{ data: BotText[] }>(await call('GET', '/bot-texts', owner.accessToken));
    expect(texts.data.map((text) => `${text.locale}:${text.key}`)).toEqual(['en', 'ru'].flatMap((locale) => BOT_TEXT_KEYS.map((key) => `${locale}:${key}`)));
    for (const text of texts.data) expect(text).toMatchObject({ version: 1, text: expect.stringMatching(/\S/) as string });
    expect(texts.data.find((text) => text.locale === 'en' && text.key === 'out_of_hours')?.text).toMatch(/a person will answer/);
    expect((await ok<{ data: BotText[] }>(await call('GET', '/bot-texts?locale=ru', owner.accessToken))).data.map((text) => text.key)).toEqual(BOT_TEXT_KEYS);
    expect(texts.data.find((text) => text.locale === 'ru' && text.key === 'quote')?.text).toBe('{product} для {model}: {price}.');
  });

  it('puts and gets a bot text with its ETag, creates a new locale, refuses a stale If-Match, and audits', async () => {
    const put = await call('PUT', '/bot-texts/greeting/en', manager.accessToken, { text: '  Welcome to Bot Shop!  ' });
    expect(put.headers.get('etag')).toBe('"2"');
    const updated = await ok<BotText>(put);
    expect(updated).toEqual({ key: 'greeting', locale: 'en', text: 'Welcome to Bot Shop!', version: 2, updatedAt: expect.any(String) as string });
    const read = await call('GET', '/bot-texts/greeting/en', agent.accessToken);
    expect(read.headers.get('etag')).toBe('"2"');
    expect(await ok<BotText>(read)).toEqual(updated);
    await problem(await call('PUT', '/bot-texts/greeting/en', owner.accessToken, { text: 'Lost update' }, { 'if-match': '"1"' }), 412);
    expect((await ok<BotText>(await call('PUT', '/bot-texts/greeting/en', owner.accessToken, { text: 'Hello again' }, { 'if-match': '"2"' }))).version).toBe(3);
    await problem(await call('GET', '/bot-texts/greeting/pt-BR', owner.accessToken), 404);
    await problem(await call('PUT', '/bot-texts/greeting/pt-BR', owner.accessToken, { text: 'Olá!' }, { 'if-match': '"1"' }), 412);
    expect(await ok<BotText>(await call('PUT', '/bot-texts/greeting/pt-BR', owner.accessToken, { text: 'Olá!' }))).toMatchObject({ locale: 'pt-BR', text: 'Olá!', version: 1 });
    expect((await ok<BotText>(await call('GET', '/bot-texts/greeting/pt-BR', viewer.accessToken))).text).toBe('Olá!');
    const audit = await ok<{ data: AuditEntry[] }>(await call('GET', '/audit-logs?entityType=bot_text&limit=10', owner.accessToken));
    expect(audit.data.map((entry) => entry.action)).toEqual(['bot_text.created', 'bot_text.updated', 'bot_text.updated']);
    expect(audit.data[2]).toMatchObject({ before: { text: expect.stringMatching(/^Hello!/) as string }, after: { key: 'greeting', locale: 'en', text: 'Welcome to Bot Shop!' } });
  });

  it('refuses unknown keys, bad locales and empty or long texts with 400s', async () => {
    const unknownKey = await problem(await call('PUT', '/bot-texts/goodbye/en', owner.accessToken, { text: 'Bye' }), 400, 'key');
    expect(unknownKey.errors?.find((error) => error.field === 'key')?.message).toBe(`key must be one of: ${BOT_TEXT_KEYS.join(', ')}`);
    await problem(await call('GET', '/bot-texts/goodbye/en', owner.accessToken), 400, 'key');
    await problem(await call('PUT', '/bot-texts/greeting/English', owner.accessToken, { text: 'Hi' }), 400, 'locale');
    await problem(await call('PUT', '/bot-texts/greeting/en-abcdefgh-abcdefgh', owner.accessToken, { text: 'Hi' }), 400, 'locale');
    await problem(await call('GET', '/bot-texts?locale=English', owner.accessToken), 400, 'locale');
    await problem(await call('PUT', '/bot-texts/greeting/en', owner.accessToken, { text: '   ' }), 400, 'text');
    await problem(await call('PUT', '/bot-texts/greeting/en', owner.accessToken, { text: 'x'.repeat(2001) }), 400, 'text');
    await problem(await call('PUT', '/bot-texts/greeting/en', owner.accessToken, {}), 400, 'text');
    await problem(await call('PUT', '/bot-texts/greeting/en', owner.accessToken, { text: 'Hi', version: 9 }), 400);
  });

  it('takes placeholders in the quote texts, and refuses one a text does not fill with a 400 that names the ones it may use', async () => {
    expect(await ok<BotText>(await call('PUT', '/bot-texts/quote/ru', manager.accessToken, { text: '{product} на {model} — всего {price}!' }))).toMatchObject({ key: 'quote', locale: 'ru', version: 2 });
    const unknown = await problem(await call('PUT', '/bot-texts/quote/ru', manager.accessToken, { text: 'Итого {total}' }), 400, 'text');
    expect(unknown.errors?.[0].message).toBe('The quote text may use {product}, {model}, {price}; {total} is not one of them');
    const none = await problem(await call('PUT', '/bot-texts/greeting/en', manager.accessToken, { text: 'Hi {name}!' }), 400, 'text');
    expect(none.errors?.[0].message).toBe('The greeting text takes no placeholders; {name} would be sent as written');
    expect((await ok<BotText>(await call('GET', '/bot-texts/quote/ru', agent.accessToken))).text).toBe('{product} на {model} — всего {price}!');
  });

  it('patches settings with If-Match, 412 when stale, and validates time zones, hours, keywords and the threshold', async () => {
    const before = await call('GET', '/bot-settings', owner.accessToken);
    const etag = before.headers.get('etag') as string;
    const hours = { mon: [['09:00', '13:00'], ['14:00', '18:00']], sat: [['10:00', '24:00']] };
    const patched = await patchSettings({ timezone: 'Europe/Berlin', businessHours: hours, matchThreshold: 0.6, handoffKeywords: { en: ['  Human  ', 'manager'], de: ['Mensch'] }, priceKeywords: { de: [' Was kostet ', 'Preis'] }, defaultLocale: 'de' }, owner.accessToken, { 'if-match': etag });
    const after = await ok<BotSettings>(patched);
    expect(patched.headers.get('etag')).toBe(`"${after.version}"`);
    expect(after).toMatchObject({ timezone: 'Europe/Berlin', businessHours: hours, matchThreshold: 0.6, handoffKeywords: { en: ['Human', 'manager'], de: ['Mensch'] }, priceKeywords: { de: ['Was kostet', 'Preis'] }, defaultLocale: 'de', version: (await json<BotSettings>(before)).version + 1 });
    expect(await ok<BotSettings>(await call('GET', '/bot-settings', viewer.accessToken))).toEqual(after);
    await problem(await patchSettings({ matchThreshold: 0.5 }, owner.accessToken, { 'if-match': etag }), 412);
    expect((await ok<BotSettings>(await patchSettings({ businessHours: null }, manager.accessToken))).businessHours).toBeNull();
    const invalid: [unknown, string][] = [
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ timezone: null }, 'timezone'],
      [{ businessHours: { monday: [['09:00', '18:00']] } }, 'businessHours'],
      [{ businessHours: { mon: [['18:00', '09:00']] } }, 'businessHours'],
      [{ businessHours: { mon: [['9am', '5pm']] } }, 'businessHours'],
      [{ businessHours: { fri: Array.from({ length: 5 }, (_, hour) => [`0${hour}:00`, `0${hour}:30`]) } }, 'businessHours'],
      [{ matchThreshold: 1.5 }, 'matchThreshold'],
      [{ matchThreshold: -0.1 }, 'matchThreshold'],
      [{ handoffKeywords: { en: [] } }, 'handoffKeywords'],
      [{ handoffKeywords: { English: ['human'] } }, 'handoffKeywords'],
      [{ handoffKeywords: { en: ['x'.repeat(101)] } }, 'handoffKeywords'],
      [{ priceKeywords: null }, 'priceKeywords'],
      [{ priceKeywords: ['price'] }, 'priceKeywords'],
      [{ priceKeywords: { en: ['  '] } }, 'priceKeywords'],
      [{ priceKeywords: { 'not a tag': ['price'] } }, 'priceKeywords'],
      [{ priceKeywords: { en: Array.from({ length: 31 }, (_, index) => `price ${index}`) } }, 'priceKeywords'],
      [{ defaultLocale: 'English' }, 'defaultLocale'],
      [{ llm: { baseUrl: 'ftp://llm.example', model: 'm', apiKey: 'k' } }, 'llm.baseUrl'],
      [{ llm: { baseUrl: 'https://llm.example/v1', model: '', apiKey: 'k' } }, 'llm.model'],
      [{ llm: { baseUrl: 'https://llm.example/v1', model: 'm' } }, 'llm.apiKey'],
      [{ llm: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'm', apiKey: 'k' } }, 'llm.baseUrl'],
      [{ llm: { baseUrl: 'http://169.254.169.254/latest', model: 'm', apiKey: 'k' } }, 'llm.baseUrl'],
      [{ version: 7 }, 'version'],
    ];
    for (const [body, field] of invalid) await problem(await patchSettings(body), 400, field);
    const detail = await problem(await patchSettings({ businessHours: { mon: [['18:00', '09:00']] } }), 400);
    expect(detail.errors?.[0].message).toBe('businessHours.mon.0 must start before it ends (ranges do not cross midnight)');
  });

  it('stores the LLM key sealed and never returns it: only configured and the last 4 characters, in responses and the audit log', async () => {
    const set = await patchSettings({ llm: { baseUrl: 'https://llm.example/v1', model: 'gpt-4o-mini', apiKey: API_KEY } });
    const setText = await set.text();
    expect(set.status).toBe(200);
    expect(setText).not.toContain(API_KEY);
    expect((JSON.parse(setText) as BotSettings).llm).toEqual({ baseUrl: 'https://llm.example/v1', model: 'gpt-4o-mini', apiKey: { configured: true, last4: '7f3a' } });
    // Without apiKey the stored key stays.
    const moved = await ok<BotSettings>(await patchSettings({ llm: { baseUrl: 'https://other-llm.example/api/v1', model: 'llama-3' } }));
    expect(moved.llm).toEqual({ baseUrl: 'https://other-llm.example/api/v1', model: 'llama-3', apiKey: { configured: true, last4: '7f3a' } });
    const read = await call('GET', '/bot-settings', owner.accessToken);
    expect(await read.text()).not.toContain(API_KEY);
    const audit = await call('GET', '/audit-logs?entityType=bot_settings&limit=50', owner.accessToken);
    const auditText = await audit.text();
    expect(audit.status).toBe(200);
    expect(auditText).not.toContain(API_KEY);
    expect((JSON.parse(auditText) as { data: AuditEntry[] }).data[0]).toMatchObject({ action: 'bot_settings.updated', before: { llm: { model: 'gpt-4o-mini' } }, after: { llm: { model: 'llama-3' } } });
    // null removes the provider and its key: a provider sent again needs a key again.
    expect((await ok<BotSettings>(await patchSettings({ llm: null }))).llm).toBeNull();
    await problem(await patchSettings({ llm: { baseUrl: 'https://llm.example/v1', model: 'gpt-4o-mini' } }), 400, 'llm.apiKey');
  });

  it('lets managers write; agents read texts only, viewers read both; neither writes', async () => {
    expect((await ok<BotSettings>(await patchSettings({ matchThreshold: 0.5 }, manager.accessToken))).matchThreshold).toBe(0.5);
    await problem(await patchSettings({ matchThreshold: 0.1 }, agent.accessToken), 403);
    await problem(await patchSettings({ matchThreshold: 0.1 }, viewer.accessToken), 403);
    await problem(await call('GET', '/bot-settings', agent.accessToken), 403);
    expect((await call('GET', '/bot-texts', agent.accessToken)).status).toBe(200);
    for (const reader of [agent, viewer]) await problem(await call('PUT', '/bot-texts/handoff/en', reader.accessToken, { text: 'Hijacked' }), 403);
    await problem(await call('GET', '/bot-texts', undefined), 401);
    await problem(await call('GET', '/bot-settings', undefined), 401);
  });

  it("keeps each tenant's texts and settings to itself", async () => {
    await ok(await call('PUT', '/bot-texts/fallback/en', rival.accessToken, { text: 'Rival secret fallback' }));
    await ok(await patchSettings({ timezone: 'Asia/Tokyo', handoffKeywords: { en: ['rival secret phrase'] } }, rival.accessToken));
    const ours = await call('GET', '/bot-texts', owner.accessToken);
    const oursText = await ours.text();
    expect(oursText).not.toContain('Rival secret');
    expect((await ok<BotText>(await call('GET', '/bot-texts/fallback/en', owner.accessToken))).text).not.toContain('Rival');
    const settings = await ok<BotSettings>(await call('GET', '/bot-settings', owner.accessToken));
    expect(settings.timezone).toBe('Europe/Berlin');
    expect(JSON.stringify(settings)).not.toContain('rival secret phrase');
    // The rival's own view is untouched by our changes above.
    expect((await ok<BotText>(await call('GET', '/bot-texts/greeting/en', rival.accessToken))).version).toBe(1);
    await problem(await call('GET', '/bot-texts/greeting/pt-BR', rival.accessToken), 404);
  });
});
