import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { json, Problem } from '../support/http';
import { chatPlatformEnv } from '../support/chat-platforms';
import { PlatformStub } from '../support/platform-stub';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

type WebhookType = 'telegram' | 'messenger' | 'whatsapp' | 'line';

interface Session {
  accessToken: string;
  user: { id: string };
}

interface Channel {
  id: string;
  type: string;
  publicKey: string | null;
  webhookUrl: string;
  credentials: Record<string, { configured: boolean; last4: string }>;
  settings: { allowedOrigins?: string[] };
}

interface Conversation {
  id: string;
  channelId: string;
  threadId: string;
  contactId: string;
  contactName: string | null;
  status: string;
}

interface Message {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  senderType: string;
  senderId: string | null;
  contentType: string;
  text: string | null;
  platformMessageId: string | null;
}

interface WidgetMessage {
  id: string;
  direction: string;
  senderType: string;
  contentType: string;
  text: string | null;
  motion: string | null;
  createdAt: string;
}

interface Counts {
  ok: true;
  stored: number;
  duplicates: number;
  statuses: number;
  ignored: number;
}

interface AuditEntry {
  action: string;
  entityType: string | null;
  entityId: string | null;
  after: Record<string, unknown> | null;
}

const PASSWORD = 'correct horse battery staple';
const PROBLEM_JSON = /^application\/problem\+json/;
const FIXTURES = join(__dirname, '../fixtures/webhooks');
/** The exact bytes of a fixture: signatures cover them, so they are sent unchanged. */
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

const hmac = (secret: string, body: Buffer) => createHmac('sha256', secret).update(body);
const metaSignature = (secret: string, body: Buffer) => `sha256=${hmac(secret, body).digest('hex')}`;
const lineSignature = (secret: string, body: Buffer) => hmac(secret, body).digest('base64');
/** The same JSON, serialised again (other whitespace): a signature over it does not cover the bytes sent. */
const reserialised = (body: Buffer) => Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));

const COUNTS = { ok: true, stored: 0, duplicates: 0, statuses: 0, ignored: 0 };

/** The official LINE test vector (see the fixtures' README). */
const LINE_VECTOR = { channelSecret: '8c570fa6dd201bb328f1c1eac23a96d8', signature: 'GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=' };

interface PlatformCase {
  type: WebhookType;
  credentials: Record<string, string>;
  fixture: string;
  /** The headers that authenticate these bytes for this channel. */
  sign(body: Buffer): Record<string, string>;
  /** The same header, but wrong (another secret). */
  forge(body: Buffer): Record<string, string>;
  /** What the stored conversation and message must show. */
  expected: { threadId: string; contactName: string | null; platformMessageId: string; text: string };
}

const TELEGRAM = { botToken: '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11', secretToken: 'tg-webhook-secret_0042' };
const MESSENGER = { appSecret: 'fb-app-secret-1f2e3d', verifyToken: 'fb-verify-token-77', pageAccessToken: 'EAAB-page-access-token-xyz' };
const WHATSAPP = { appSecret: 'wa-app-secret-9a8b7c', verifyToken: 'wa-verify-token-55', accessToken: 'EAAG-wa-access-token-abc', phoneNumberId: '106540352242922' };
const LINE = { channelSecret: 'line-channel-secret-4d5e6f', channelAccessToken: 'line-channel-access-token-q1w2' };

const CASES: PlatformCase[] = [
  {
    type: 'telegram',
    credentials: TELEGRAM,
    fixture: 'telegram-text.json',
    sign: () => ({ 'x-telegram-bot-api-secret-token': TELEGRAM.secretToken }),
    forge: () => ({ 'x-telegram-bot-api-secret-token': 'tg-webhook-secret_0043' }),
    expected: { threadId: '1111111', contactName: 'Test Firstname Test Lastname', platformMessageId: '1111111:1365', text: '/start' },
  },
  {
    type: 'messenger',
    credentials: MESSENGER,
    fixture: 'messenger-text.json',
    sign: (body) => ({ 'x-hub-signature-256': metaSignature(MESSENGER.appSecret, body) }),
    forge: (body) => ({ 'x-hub-signature-256': metaSignature('another-app-secret', body) }),
    expected: { threadId: '<PSID>', contactName: null, platformMessageId: 'mid.1457764197618:41d102a3e1ae206a38', text: 'hello, world!' },
  },
  {
    type: 'whatsapp',
    credentials: WHATSAPP,
    fixture: 'whatsapp-text.json',
    sign: (body) => ({ 'x-hub-signature-256': metaSignature(WHATSAPP.appSecret, body) }),
    forge: (body) => ({ 'x-hub-signature-256': metaSignature('another-app-secret', body) }),
    expected: { threadId: '16505551234', contactName: 'Sheena Nelson', platformMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=', text: 'Does it come in another color?' },
  },
  {
    type: 'line',
    credentials: LINE,
    fixture: 'line-text.json',
    sign: (body) => ({ 'x-line-signature': lineSignature(LINE.channelSecret, body) }),
    forge: (body) => ({ 'x-line-signature': lineSignature('another-channel-secret', body) }),
    expected: { threadId: 'Ca56f94637c...', contactName: null, platformMessageId: '444573844083572737', text: '@All @example Good Morning!! (love)' },
  },
];
const caseOf = (type: WebhookType) => CASES.find((platform) => platform.type === type) as PlatformCase;

/**
 * Inbound webhooks and the web widget as a black box (SQLite, inline queue): each platform's own
 * signature over the raw bytes, dedupe of replays, Meta's subscription check, batches, the 404s and
 * 400s, and the widget's origins and CORS.
 */
describe('webhooks and the web widget (black box, SQLite)', () => {
  let api: RunningProcess;
  let stub: PlatformStub;
  let db: TestDatabase;
  let base: string;
  let owner: Session;

  const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
  const get = async <T>(path: string): Promise<T> => {
    const response = await call('GET', path, owner.accessToken);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
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
  const newChannel = async (body: Record<string, unknown>): Promise<Channel> => {
    const response = await call('POST', '/channels', owner.accessToken, { name: `Channel ${randomUUID().slice(0, 8)}`, ...body });
    if (response.status !== 201) throw new Error(`POST /channels: ${response.status} ${await response.text()}`);
    return json<Channel>(response);
  };
  const channelFor = (platform: PlatformCase) => newChannel({ type: platform.type, credentials: platform.credentials });
  /** Posts the bytes as they are, as the platform does. */
  const deliver = (type: string, channelId: string, body: Buffer, headers: Record<string, string>) => call('POST', `/webhooks/${type}/${channelId}`, undefined, body, headers);
  const accepted = async (response: Response): Promise<Counts> => {
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status: 200, body: expect.any(String) as string });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return JSON.parse(text) as Counts;
  };
  const conversationsOf = async (channelId: string) => (await get<{ data: Conversation[] }>(`/conversations?channelId=${channelId}&limit=100`)).data;
  const messagesOf = async (conversationId: string) => (await get<{ data: Message[] }>(`/conversations/${conversationId}/messages?limit=100`)).data;
  const inboundOf = async (conversationId: string) => (await messagesOf(conversationId)).filter((message) => message.direction === 'inbound');
  const rejections = async (channelId: string) =>
    (await get<{ data: AuditEntry[] }>(`/audit-logs?action=security.webhook_signature_rejected&entityId=${channelId}&limit=100`)).data;

  beforeAll(async () => {
    stub = await PlatformStub.start();
    db = await createTestDatabase('better-sqlite3');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({
      entry: { dist: 'apps/api/src/main.js' },
      env: {
        ...db.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        ...chatPlatformEnv(stub),
      },
    });
    await waitForReady(api, `${base}/health/ready`);
    owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Webhook Shop', tenantSlug: 'webhook-shop', email: 'owner@webhook.example', password: PASSWORD, name: 'Owner' }));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await stub?.close();
    await db?.drop();
  });

  describe.each(CASES)('$type', (platform) => {
    it('stores the documented fixture once when signed, and counts a replay as a duplicate', async () => {
      const channel = await channelFor(platform);
      expect(channel.webhookUrl).toBe(`https://api.saler.example/api/v1/webhooks/${platform.type}/${channel.id}`);
      const body = fixture(platform.fixture);
      expect(await accepted(await deliver(platform.type, channel.id, body, platform.sign(body)))).toEqual({ ...COUNTS, stored: 1 });

      const [conversation, ...others] = await conversationsOf(channel.id);
      expect(others).toEqual([]);
      expect(conversation).toMatchObject({ channelId: channel.id, threadId: platform.expected.threadId, contactName: platform.expected.contactName, status: 'open' });
      expect(await inboundOf(conversation.id)).toEqual([
        expect.objectContaining({
          conversationId: conversation.id,
          senderType: 'contact',
          senderId: conversation.contactId,
          contentType: 'text',
          text: platform.expected.text,
          platformMessageId: platform.expected.platformMessageId,
        }),
      ]);

      // The platform retries what it thinks failed: the same bytes again are acknowledged and not stored twice.
      expect(await accepted(await deliver(platform.type, channel.id, body, platform.sign(body)))).toEqual({ ...COUNTS, duplicates: 1 });
      expect((await conversationsOf(channel.id)).map((row) => row.id)).toEqual([conversation.id]);
      expect(await inboundOf(conversation.id)).toHaveLength(1);
      expect(await rejections(channel.id)).toEqual([]);
    });

    it('refuses a wrong or missing signature with 401, stores nothing and audits a security event (once a minute per channel, counting the others)', async () => {
      const channel = await channelFor(platform);
      const body = fixture(platform.fixture);
      const refused = await problem(await deliver(platform.type, channel.id, body, platform.forge(body)), 401);
      expect(refused.type).toContain('invalid-signature');
      await problem(await deliver(platform.type, channel.id, body, {}), 401);
      // An empty header value is no signature either.
      const [name] = Object.keys(platform.sign(body));
      await problem(await deliver(platform.type, channel.id, body, { [name]: '' }), 401);
      expect(await conversationsOf(channel.id)).toEqual([]);
      expect(await rejections(channel.id)).toEqual([
        expect.objectContaining({ action: 'security.webhook_signature_rejected', entityType: 'channel', entityId: channel.id, after: { platform: platform.type, notAuditedSinceLastEntry: 0 } }),
      ]);
      // Nothing was taken, so the real delivery afterwards is stored, not a duplicate.
      expect(await accepted(await deliver(platform.type, channel.id, body, platform.sign(body)))).toEqual({ ...COUNTS, stored: 1 });
    });
  });

  it.each(['messenger', 'whatsapp', 'line'] as const)('%s: a signature over re-serialised JSON does not cover the raw bytes (401)', async (type) => {
    const platform = caseOf(type);
    const channel = await channelFor(platform);
    const body = fixture(platform.fixture);
    expect(reserialised(body).equals(body)).toBe(false);
    await problem(await deliver(type, channel.id, body, platform.sign(reserialised(body))), 401);
    expect(await conversationsOf(channel.id)).toEqual([]);
    expect(await rejections(channel.id)).toHaveLength(1);
  });

  it('counts the WhatsApp status fixture as a status, stores no message, and dedupes it', async () => {
    const platform = caseOf('whatsapp');
    const channel = await channelFor(platform);
    const body = fixture('whatsapp-status.json');
    expect(await accepted(await deliver('whatsapp', channel.id, body, platform.sign(body)))).toEqual({ ...COUNTS, statuses: 1 });
    expect(await conversationsOf(channel.id)).toEqual([]);
    expect(await accepted(await deliver('whatsapp', channel.id, body, platform.sign(body)))).toEqual({ ...COUNTS, duplicates: 1 });
    await problem(await deliver('whatsapp', channel.id, body, platform.forge(body)), 401);
  });

  it("answers LINE's empty verify request with 200 and stores nothing, and verifies the official test vector", async () => {
    const body = fixture('line-verify-empty.json');
    // The vector itself, computed here too: the bytes are the documented ones.
    expect(lineSignature(LINE_VECTOR.channelSecret, body)).toBe(LINE_VECTOR.signature);
    const vector = await newChannel({ type: 'line', credentials: { channelSecret: LINE_VECTOR.channelSecret, channelAccessToken: 'line-access-token-vector' } });
    expect(await accepted(await deliver('line', vector.id, body, { 'x-line-signature': LINE_VECTOR.signature }))).toEqual(COUNTS);
    // Header names are case-insensitive.
    expect(await accepted(await deliver('line', vector.id, body, { 'X-Line-Signature': LINE_VECTOR.signature }))).toEqual(COUNTS);
    expect(await conversationsOf(vector.id)).toEqual([]);
    // The same signature is wrong for a channel with another secret.
    const other = await channelFor(caseOf('line'));
    await problem(await deliver('line', other.id, body, { 'x-line-signature': LINE_VECTOR.signature }), 401);
    expect(await accepted(await deliver('line', other.id, body, caseOf('line').sign(body)))).toEqual(COUNTS);
    expect(await conversationsOf(other.id)).toEqual([]);
  });

  it.each(['messenger', 'whatsapp'] as const)("%s: answers Meta's subscription check with the raw challenge, and 403 to a wrong token", async (type) => {
    const platform = caseOf(type);
    const channel = await channelFor(platform);
    const verify = (query: Record<string, string>) => call('GET', `/webhooks/${type}/${channel.id}?${new URLSearchParams(query).toString()}`);
    const right = await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': platform.credentials.verifyToken, 'hub.challenge': '1158201444' });
    expect(right.status).toBe(200);
    expect(right.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await right.text()).toBe('1158201444');
    await problem(await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': 'not-the-verify-token', 'hub.challenge': '1158201444' }), 403);
    await problem(await verify({ 'hub.mode': 'unsubscribe', 'hub.verify_token': platform.credentials.verifyToken, 'hub.challenge': '1158201444' }), 403);
    await problem(await verify({ 'hub.mode': 'subscribe', 'hub.challenge': '1158201444' }), 403);
    // The app secret is not the verify token.
    await problem(await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': platform.credentials.appSecret, 'hub.challenge': '1158201444' }), 403);
    // The other Meta platform's URL, and platforms without a subscription check, do not answer for this channel.
    await problem(await call('GET', `/webhooks/${type === 'messenger' ? 'whatsapp' : 'messenger'}/${channel.id}?hub.mode=subscribe&hub.verify_token=${platform.credentials.verifyToken}&hub.challenge=1`), 404);
    await problem(await call('GET', `/webhooks/telegram/${channel.id}?hub.mode=subscribe&hub.verify_token=${platform.credentials.verifyToken}&hub.challenge=1`), 404);
    await problem(await call('GET', `/webhooks/${type}/${randomUUID()}?hub.mode=subscribe&hub.verify_token=${platform.credentials.verifyToken}&hub.challenge=1`), 404);
  });

  it('stores every customer message of a Messenger batch (2 entries × 2 events) and skips the echo', async () => {
    const platform = caseOf('messenger');
    const channel = await channelFor(platform);
    const event = (sender: string, recipient: string, message: Record<string, unknown>) => ({ sender: { id: sender }, recipient: { id: recipient }, timestamp: 1_700_000_000_000, message });
    const batch = Buffer.from(
      JSON.stringify(
        {
          object: 'page',
          entry: [
            {
              id: 'PAGE-1',
              time: 1_700_000_000_100,
              messaging: [
                event('PSID-ANNA', 'PAGE-1', { mid: 'm_batch_anna_1', text: 'Anna asks about mats' }),
                event('PAGE-1', 'PSID-ANNA', { mid: 'm_batch_echo', is_echo: true, app_id: 1517776481860111, text: 'Our own reply to Anna' }),
              ],
            },
            {
              id: 'PAGE-1',
              time: 1_700_000_000_200,
              messaging: [event('PSID-BORIS', 'PAGE-1', { mid: 'm_batch_boris_1', text: 'Boris asks about covers' }), event('PSID-ANNA', 'PAGE-1', { mid: 'm_batch_anna_2', text: 'Anna again' })],
            },
          ],
        },
        null,
        2,
      ),
    );
    expect(await accepted(await deliver('messenger', channel.id, batch, platform.sign(batch)))).toEqual({ ...COUNTS, stored: 3, ignored: 1 });
    const conversations = await conversationsOf(channel.id);
    expect(conversations.map((conversation) => conversation.threadId).sort()).toEqual(['PSID-ANNA', 'PSID-BORIS']);
    const inboundTexts = async (threadId: string) =>
      (await inboundOf((conversations.find((conversation) => conversation.threadId === threadId) as Conversation).id)).map((message) => [message.platformMessageId, message.text]);
    expect(await inboundTexts('PSID-ANNA')).toEqual([
      ['m_batch_anna_1', 'Anna asks about mats'],
      ['m_batch_anna_2', 'Anna again'],
    ]);
    expect(await inboundTexts('PSID-BORIS')).toEqual([['m_batch_boris_1', 'Boris asks about covers']]);
    for (const conversation of conversations) expect((await messagesOf(conversation.id)).map((message) => message.text)).not.toContain('Our own reply to Anna');
    // A retried batch: every event is a duplicate, the echo is still ignored.
    expect(await accepted(await deliver('messenger', channel.id, batch, platform.sign(batch)))).toEqual({ ...COUNTS, duplicates: 3, ignored: 1 });
    expect(await inboundTexts('PSID-ANNA')).toHaveLength(2);
  });

  it('answers 404 for an unknown channel, a channel of another type and a removed channel; 400 for an id that is not one', async () => {
    for (const platform of CASES) {
      const body = fixture(platform.fixture);
      await problem(await deliver(platform.type, randomUUID(), body, platform.sign(body)), 404);
    }
    const telegram = await channelFor(caseOf('telegram'));
    const messenger = await channelFor(caseOf('messenger'));
    const telegramBody = fixture('telegram-text.json');
    const messengerBody = fixture('messenger-text.json');
    // A Telegram channel's id in the Messenger URL (and the reverse), even with the right secret of the URL's platform.
    await problem(await deliver('messenger', telegram.id, messengerBody, caseOf('messenger').sign(messengerBody)), 404);
    await problem(await deliver('telegram', messenger.id, telegramBody, caseOf('telegram').sign(telegramBody)), 404);
    await problem(await deliver('viber', telegram.id, telegramBody, caseOf('telegram').sign(telegramBody)), 404);
    await problem(await deliver('telegram', 'not-a-channel-id', telegramBody, caseOf('telegram').sign(telegramBody)), 400);
    expect(await conversationsOf(telegram.id)).toEqual([]);
    expect(await conversationsOf(messenger.id)).toEqual([]);

    // Removed: its webhooks (and the subscription check) answer 404, even to a correctly signed request.
    expect((await call('DELETE', `/channels/${telegram.id}`, owner.accessToken)).status).toBe(204);
    expect((await call('DELETE', `/channels/${messenger.id}`, owner.accessToken)).status).toBe(204);
    await problem(await deliver('telegram', telegram.id, telegramBody, caseOf('telegram').sign(telegramBody)), 404);
    await problem(await deliver('messenger', messenger.id, messengerBody, caseOf('messenger').sign(messengerBody)), 404);
    await problem(await call('GET', `/webhooks/messenger/${messenger.id}?hub.mode=subscribe&hub.verify_token=${MESSENGER.verifyToken}&hub.challenge=42`), 404);
    expect(await conversationsOf(telegram.id)).toEqual([]);
  });

  it('refuses a correctly signed body that is not the platform envelope with 400, and stores nothing', async () => {
    const malformed: [WebhookType, string][] = [
      ['messenger', '{"object":"page"}'],
      ['messenger', '{"object":"instagram","entry":[]}'],
      ['whatsapp', '{"object":"page","entry":[]}'],
      ['whatsapp', '{"object":"whatsapp_business_account"}'],
      ['telegram', '{"message":{"message_id":1,"chat":{"id":1},"text":"no update_id"}}'],
      ['line', '{"destination":"U8e742f61d673b39c7fff3cecb7536ef0"}'],
      ['line', '[]'],
      ['messenger', '{"object":"page","entry":'],
    ];
    for (const [type, text] of malformed) {
      const platform = caseOf(type);
      const channel = await channelFor(platform);
      const body = Buffer.from(text);
      const response = await deliver(type, channel.id, body, platform.sign(body));
      expect({ type, text, status: response.status }).toEqual({ type, text, status: 400 });
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(await conversationsOf(channel.id)).toEqual([]);
    }
  });

  describe('web widget', () => {
    const SHOP = 'https://shop.example';
    const EVIL = 'https://evil.example';
    let web: Channel;
    const widget = (method: string, query: string, body?: unknown, origin: string | undefined = SHOP) =>
      call(method, `/widget/${web.publicKey}/messages${query}`, undefined, body, origin === undefined ? {} : { origin });
    const poll = async (visitorId: string, after?: string) => {
      const response = await widget('GET', `?visitorId=${visitorId}${after === undefined ? '' : `&after=${after}`}`);
      expect(response.status).toBe(200);
      return (await json<{ data: WidgetMessage[] }>(response)).data;
    };
    const visitor = () => `v_${randomBytes(12).toString('hex')}`;

    beforeAll(async () => {
      web = await newChannel({ type: 'web', settings: { allowedOrigins: [SHOP, 'http://localhost:3000'] } });
    });

    it('creates a widget channel with a public key and the widget URL, and no credentials', () => {
      expect(web.publicKey).toMatch(/^pk_[A-Za-z0-9_-]{16,}$/);
      expect(web).toMatchObject({ type: 'web', credentials: {}, settings: { allowedOrigins: [SHOP, 'http://localhost:3000'] } });
      expect(web.webhookUrl).toBe(`https://api.saler.example/api/v1/widget/${web.publicKey}/messages`);
    });

    it("stores a visitor's messages, lists them, and polls with after", async () => {
      const visitorId = visitor();
      expect(await poll(visitorId)).toEqual([]);
      const first = await widget('POST', '', { visitorId, text: 'Do you deliver to Bangkok?', name: 'Anna Visitor' });
      expect(first.status).toBe(201);
      expect(first.headers.get('access-control-allow-origin')).toBe(SHOP);
      const one = await json<WidgetMessage>(first);
      expect(one).toEqual({ id: expect.any(String), direction: 'inbound', senderType: 'contact', contentType: 'text', text: 'Do you deliver to Bangkok?', motion: null, createdAt: expect.any(String) });
      const two = await json<WidgetMessage>(widget('POST', '', { visitorId, text: '  And to Phuket?  ' }));
      expect(two).toMatchObject({ direction: 'inbound', text: 'And to Phuket?' });

      const all = await poll(visitorId);
      const ids = all.map((message) => message.id);
      expect(ids.indexOf(one.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(two.id)).toBeGreaterThan(ids.indexOf(one.id));
      expect(ids).toEqual([...ids].sort());
      const afterOne = await poll(visitorId, one.id);
      expect(afterOne.map((message) => message.id)).toContain(two.id);
      expect(afterOne.map((message) => message.id)).not.toContain(one.id);
      for (const message of afterOne) expect(message.id > one.id).toBe(true);
      const afterTwo = await poll(visitorId, two.id);
      expect(afterTwo.map((message) => message.id)).not.toContain(one.id);
      expect(afterTwo.map((message) => message.id)).not.toContain(two.id);

      // Staff see the same thread as a conversation of the widget channel, with the visitor as its thread.
      const conversation = (await conversationsOf(web.id)).find((row) => row.threadId === visitorId) as Conversation;
      expect(conversation).toMatchObject({ contactName: 'Anna Visitor', status: 'open' });
      expect((await inboundOf(conversation.id)).map((message) => [message.id, message.text])).toEqual([
        [one.id, 'Do you deliver to Bangkok?'],
        [two.id, 'And to Phuket?'],
      ]);
      // Another visitor sees nothing of this thread.
      expect(await poll(visitor())).toEqual([]);
    });

    it('stores a retried clientMessageId once and answers with the first message', async () => {
      const visitorId = visitor();
      const first = await widget('POST', '', { visitorId, text: 'Only once, please', clientMessageId: 'c-000123' });
      const again = await widget('POST', '', { visitorId, text: 'Only once, please', clientMessageId: 'c-000123' });
      expect([first.status, again.status]).toEqual([201, 201]);
      const [a, b] = [await json<WidgetMessage>(first), await json<WidgetMessage>(again)];
      expect(b).toEqual(a);
      expect((await poll(visitorId)).filter((message) => message.direction === 'inbound').map((message) => message.id)).toEqual([a.id]);
      // The id is per visitor: another visitor may use the same one.
      const other = visitor();
      const theirs = await json<WidgetMessage>(widget('POST', '', { visitorId: other, text: 'Mine', clientMessageId: 'c-000123' }));
      expect(theirs.id).not.toBe(a.id);
      expect((await poll(other)).filter((message) => message.direction === 'inbound').map((message) => message.text)).toEqual(['Mine']);
    });

    it('refuses another Origin with 403 and stores nothing; CORS allows only the allowed origins', async () => {
      const visitorId = visitor();
      const refused = await widget('POST', '', { visitorId, text: 'From elsewhere' }, EVIL);
      await problem(refused, 403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      await problem(await widget('GET', `?visitorId=${visitorId}`, undefined, EVIL), 403);
      expect(await poll(visitorId)).toEqual([]);

      const preflight = (origin: string, path = `/widget/${web.publicKey}/messages`) =>
        call('OPTIONS', path, undefined, undefined, { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
      const allowed = await preflight(SHOP);
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
      expect((await preflight('http://localhost:3000')).headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
      const denied = await preflight(EVIL);
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
      // The widget's origins open the widget routes only, not the rest of the API.
      expect((await preflight(SHOP, '/contacts')).headers.get('access-control-allow-origin')).toBeNull();

      const get = await widget('GET', `?visitorId=${visitorId}`, undefined, 'http://localhost:3000');
      expect(get.status).toBe(200);
      expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
      // Without an Origin (not a browser) the widget answers too.
      expect((await widget('POST', '', { visitorId, text: 'From a server' }, undefined)).status).toBe(201);
    });

    it('refuses invalid visitor ids and texts with 400 naming the field, and an unknown key with 404', async () => {
      for (const visitorId of ['short', 'has spaces in it, sixteen+', 'x'.repeat(65), 'ünïcödé-visitor-id-123']) {
        await problem(await widget('POST', '', { visitorId, text: 'Hello' }), 400, 'visitorId');
        await problem(await widget('GET', `?visitorId=${encodeURIComponent(visitorId)}`), 400, 'visitorId');
      }
      await problem(await widget('POST', '', { text: 'Hello' }), 400, 'visitorId');
      await problem(await widget('GET', ''), 400, 'visitorId');
      await problem(await widget('POST', '', { visitorId: visitor(), text: '   ' }), 400, 'text');
      await problem(await widget('POST', '', { visitorId: visitor(), text: 'x'.repeat(4001) }), 400, 'text');
      await problem(await widget('POST', '', { visitorId: visitor(), text: 'Hello', clientMessageId: 'has spaces' }), 400, 'clientMessageId');
      await problem(await widget('GET', `?visitorId=${visitor()}&after=not-a-uuid`), 400, 'after');
      await problem(await call('POST', `/widget/pk_${randomBytes(18).toString('base64url')}/messages`, undefined, { visitorId: visitor(), text: 'Hello' }), 404);
    });
  });
});
