import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { json, Problem } from '../support/http';
import { chatPlatformEnv } from '../support/chat-platforms';
import { PlatformStub } from '../support/platform-stub';
import { eventually, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

interface Session {
  accessToken: string;
  user: { id: string };
}

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface Channel {
  id: string;
  type: string;
  name: string;
  webhookUrl: string;
  publicKey: string | null;
  credentials: Record<string, { configured: boolean; last4: string }>;
  settings: { allowedOrigins?: string[] };
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface Conversation {
  id: string;
  channelId: string;
  threadId: string;
  contactId: string;
  leadId: string | null;
  contactName: string | null;
  status: 'open' | 'pending' | 'resolved';
  botEnabled: boolean;
  assigneeId: string | null;
  messageCount: number;
  firstResponseAt: string | null;
  firstResponseMs: number | null;
  version: number;
}

interface Message {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  senderType: string;
  senderId: string | null;
  contentType: string;
  text: string | null;
  deliveryStatus: string | null;
  replyToId: string | null;
  createdAt: string;
}

interface AuditEntry {
  action: string;
  after: Record<string, unknown> | null;
}

const PASSWORD = 'correct horse battery staple';
const PROBLEM_JSON = /^application\/problem\+json/;
const SHOP = 'https://shop.example';

const TELEGRAM = { botToken: '7000001:AAH-telegram-bot-token-secret-part', secretToken: 'tg-secret-token-0451' };
const MESSENGER = { appSecret: 'fb-app-secret-kept-0001', verifyToken: 'fb-verify-token-kept-0002', pageAccessToken: 'EAAB-page-access-token-0003' };
const WHATSAPP = { appSecret: 'wa-app-secret-value-0004', verifyToken: 'wa-verify-token-0005', accessToken: 'EAAG-wa-access-token-0006', phoneNumberId: '106540352242922' };
const LINE = { channelSecret: 'line-channel-secret-0007', channelAccessToken: 'line-channel-access-token-0008' };

const metaSignature = (secret: string, body: Buffer) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const messengerText = (mid: string, text: string) =>
  Buffer.from(JSON.stringify({ object: 'page', entry: [{ id: 'PAGE', time: 1_700_000_000_000, messaging: [{ sender: { id: 'PSID-ROTATION' }, recipient: { id: 'PAGE' }, timestamp: 1_700_000_000_000, message: { mid, text } }] }] }));
const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const visitor = () => `v_${randomBytes(12).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Channels (admin-only configuration, sealed credentials) and the conversations inbox (filters,
 * ETags, message paging, the agent hand-off and who may act on which conversation) as a black box
 * on SQLite with the inline queue.
 */
describe('channels and conversations (black box, SQLite)', () => {
  let api: RunningProcess;
  let stub: PlatformStub;
  let db: TestDatabase;
  let base: string;
  let owner: Session;
  let admin: Session;
  let manager: Session;
  let agent: Session;
  let otherAgent: Session;
  let viewer: Session;

  const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
  const get = async <T>(path: string, token = owner.accessToken): Promise<T> => {
    const response = await call('GET', path, token);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return json<T>(response);
  };
  const send = async <T>(method: string, path: string, body: unknown, token = owner.accessToken, headers: Record<string, string> = {}): Promise<T> => {
    const response = await call(method, path, token, body, headers);
    if (response.status !== 201 && response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return json<T>(response);
  };
  const problem = async (response: Response, status: number, ...fields: string[]): Promise<Problem> => {
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status, body: expect.any(String) as string });
    expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    const body = JSON.parse(text) as Problem;
    if (fields.length > 0) expect((body.errors ?? []).map((error) => error.field)).toEqual(expect.arrayContaining(fields));
    return body;
  };
  const newChannel = (body: Record<string, unknown>, token = owner.accessToken) => send<Channel>('POST', '/channels', { name: `Channel ${word()}`, ...body }, token);
  const conversation = (id: string, token = owner.accessToken) => get<Conversation>(`/conversations/${id}`, token);
  const messagesOf = async (id: string, query = 'limit=100') => (await get<Page<Message>>(`/conversations/${id}/messages?${query}`)).data;
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

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
    owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Inbox Shop', tenantSlug: 'inbox-shop', email: 'owner@inbox.example', password: PASSWORD, name: 'Owner' }));
    const join = async (role: string, email: string) => {
      const invitation = await send<{ token: string }>('POST', '/invitations', { email, role });
      return json<Session>(call('POST', '/invitations/accept', undefined, { token: invitation.token, name: email.split('@')[0], password: PASSWORD }));
    };
    admin = await join('admin', 'admin@inbox.example');
    manager = await join('manager', 'manager@inbox.example');
    agent = await join('agent', 'agent@inbox.example');
    otherAgent = await join('agent', 'agent2@inbox.example');
    viewer = await join('viewer', 'viewer@inbox.example');
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await stub?.close();
    await db?.drop();
  });

  describe('channels', () => {
    const BODIES: Record<string, Record<string, string>> = { telegram: TELEGRAM, messenger: MESSENGER, whatsapp: WHATSAPP, line: LINE };

    it.each(Object.entries(BODIES))('creates a %s channel and shows its credentials only as hints, never the secrets', async (type, credentials) => {
      const response = await call('POST', '/channels', owner.accessToken, { type, name: `  My ${type}  `, credentials });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      const created = await json<Channel>(response);
      expect(created).toEqual({
        id: expect.any(String),
        type,
        name: `My ${type}`,
        webhookUrl: `https://api.saler.example/api/v1/webhooks/${type}/${created.id}`,
        publicKey: null,
        credentials: Object.fromEntries(Object.entries(credentials).map(([field, value]) => [field, { configured: true, last4: value.slice(-4) }])),
        settings: {},
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const one = await call('GET', `/channels/${created.id}`, owner.accessToken);
      expect(one.headers.get('etag')).toBe('"1"');
      const oneText = await one.text();
      expect(JSON.parse(oneText)).toEqual(created);
      const listText = await (await call('GET', '/channels?limit=100', owner.accessToken)).text();
      expect((JSON.parse(listText) as Page<Channel>).data).toContainEqual(created);
      const auditText = await (await call('GET', `/audit-logs?entityId=${created.id}`, owner.accessToken)).text();
      expect((JSON.parse(auditText) as Page<AuditEntry>).data.map((entry) => entry.action)).toEqual(['channel.created']);
      for (const secret of Object.values(credentials)) {
        // The WhatsApp phone number id is an identifier, not a secret, but it is stored sealed like the rest.
        for (const text of [oneText, listText, auditText]) expect(text).not.toContain(secret);
      }
    });

    it('creates a web channel with allowed origins and a public key, and no credentials', async () => {
      const web = await newChannel({ type: 'web', settings: { allowedOrigins: ['https://Shop.Example', 'http://localhost:8080'] } });
      expect(web).toMatchObject({ type: 'web', credentials: {}, settings: { allowedOrigins: ['https://shop.example', 'http://localhost:8080'] } });
      expect(web.publicKey).toMatch(/^pk_/);
      expect(web.webhookUrl).toBe(`https://api.saler.example/api/v1/widget/${web.publicKey}/messages`);
    });

    it('refuses invalid channels with 400 naming the fields, and creates nothing', async () => {
      const before = (await get<Page<Channel>>('/channels?limit=100')).data.length;
      const refuse = async (body: Record<string, unknown>, ...fields: string[]) => problem(await call('POST', '/channels', owner.accessToken, { name: 'Invalid', ...body }), 400, ...fields);
      await refuse({ type: 'messenger', credentials: { appSecret: 'only-the-secret' } }, 'credentials.verifyToken', 'credentials.pageAccessToken');
      await refuse({ type: 'whatsapp', credentials: { appSecret: 'a', verifyToken: 'b', accessToken: 'c' } }, 'credentials.phoneNumberId');
      await refuse({ type: 'line', credentials: { channelSecret: 'x' } }, 'credentials.channelAccessToken');
      await refuse({ type: 'telegram' }, 'credentials');
      await refuse({ type: 'telegram', credentials: { ...TELEGRAM, webhookSecret: 'unknown' } }, 'credentials.webhookSecret');
      await refuse({ type: 'line', credentials: { ...LINE, appSecret: 'a Meta field' } }, 'credentials.appSecret');
      await refuse({ type: 'telegram', credentials: { ...TELEGRAM, botToken: 'not-a-telegram-token' } }, 'credentials.botToken');
      await refuse({ type: 'telegram', credentials: { ...TELEGRAM, botToken: '123456:short' } }, 'credentials.botToken');
      await refuse({ type: 'telegram', credentials: { ...TELEGRAM, secretToken: 'has spaces!' } }, 'credentials.secretToken');
      await refuse({ type: 'telegram', credentials: { ...TELEGRAM, botToken: 123456 } }, 'credentials.botToken');
      await refuse({ type: 'whatsapp', credentials: { ...WHATSAPP, phoneNumberId: '+1 555 0100' } }, 'credentials.phoneNumberId');
      await refuse({ type: 'messenger', credentials: { ...MESSENGER, appSecret: '   ' } }, 'credentials.appSecret');
      await refuse({ type: 'web' }, 'settings.allowedOrigins');
      await refuse({ type: 'web', settings: {} }, 'settings.allowedOrigins');
      await refuse({ type: 'web', settings: { allowedOrigins: [] } }, 'settings.allowedOrigins');
      await refuse({ type: 'web', settings: { allowedOrigins: [SHOP, '*'] } }, 'settings.allowedOrigins.1');
      await refuse({ type: 'web', settings: { allowedOrigins: ['https://shop.example/widget'] } }, 'settings.allowedOrigins.0');
      await refuse({ type: 'web', settings: { allowedOrigins: [SHOP] }, credentials: { botToken: TELEGRAM.botToken } }, 'credentials');
      await refuse({ type: 'telegram', credentials: TELEGRAM, settings: { allowedOrigins: [SHOP] } }, 'settings');
      await refuse({ type: 'viber', credentials: {} }, 'type');
      await problem(await call('POST', '/channels', owner.accessToken, { type: 'telegram', credentials: TELEGRAM }), 400, 'name');
      expect((await get<Page<Channel>>('/channels?limit=100')).data).toHaveLength(before);
    });

    it('rotates one credential with PATCH and keeps the others: the kept app secret still signs, the new one replaces the old', async () => {
      const created = await newChannel({ type: 'messenger', credentials: MESSENGER });
      const read = await call('GET', `/channels/${created.id}`, owner.accessToken);
      const etag = read.headers.get('etag') as string;
      const rotated = await call('PATCH', `/channels/${created.id}`, owner.accessToken, { credentials: { pageAccessToken: 'EAAB-rotated-page-token-9999' } }, { 'if-match': etag });
      expect(rotated.status).toBe(200);
      expect(rotated.headers.get('etag')).toBe('"2"');
      expect(await json<Channel>(rotated)).toMatchObject({
        version: 2,
        name: created.name,
        credentials: { appSecret: { configured: true, last4: '0001' }, verifyToken: { configured: true, last4: '0002' }, pageAccessToken: { configured: true, last4: '9999' } },
      });
      // The kept app secret and verify token still authenticate the platform.
      const first = messengerText('m_rotation_1', 'Signed with the kept secret');
      expect(await json(call('POST', `/webhooks/messenger/${created.id}`, undefined, first, { 'x-hub-signature-256': metaSignature(MESSENGER.appSecret, first) }))).toEqual({
        ok: true,
        stored: 1,
        duplicates: 0,
        statuses: 0,
        ignored: 0,
      });
      const challenge = await call('GET', `/webhooks/messenger/${created.id}?hub.mode=subscribe&hub.verify_token=${MESSENGER.verifyToken}&hub.challenge=31337`);
      expect([challenge.status, await challenge.text()]).toEqual([200, '31337']);

      // A stale ETag changes nothing.
      await problem(await call('PATCH', `/channels/${created.id}`, owner.accessToken, { credentials: { appSecret: 'fb-new-app-secret-abcd' } }, { 'if-match': etag }), 412);
      await problem(await call('PATCH', `/channels/${created.id}`, owner.accessToken, { name: 'x' }, { 'if-match': 'not-an-etag' }), 412);
      expect((await get<Channel>(`/channels/${created.id}`)).version).toBe(2);

      const second = await send<Channel>('PATCH', `/channels/${created.id}`, { credentials: { appSecret: 'fb-new-app-secret-abcd' } }, owner.accessToken, { 'if-match': '"2"' });
      expect(second.credentials).toEqual({ appSecret: { configured: true, last4: 'abcd' }, verifyToken: { configured: true, last4: '0002' }, pageAccessToken: { configured: true, last4: '9999' } });
      const next = messengerText('m_rotation_2', 'After the rotation');
      await problem(await call('POST', `/webhooks/messenger/${created.id}`, undefined, next, { 'x-hub-signature-256': metaSignature(MESSENGER.appSecret, next) }), 401);
      expect(await json(call('POST', `/webhooks/messenger/${created.id}`, undefined, next, { 'x-hub-signature-256': metaSignature('fb-new-app-secret-abcd', next) }))).toMatchObject({ stored: 1 });
      expect((await call('GET', `/webhooks/messenger/${created.id}?hub.mode=subscribe&hub.verify_token=${MESSENGER.verifyToken}&hub.challenge=1`)).status).toBe(200);

      // The audit log tells which credentials were rotated, never their values.
      const auditText = await (await call('GET', `/audit-logs?entityId=${created.id}&action=channel.updated`, owner.accessToken)).text();
      expect((JSON.parse(auditText) as Page<AuditEntry>).data.map((entry) => entry.after?.rotated)).toEqual([['appSecret'], ['pageAccessToken']]);
      for (const secret of ['EAAB-rotated-page-token-9999', 'fb-new-app-secret-abcd', MESSENGER.appSecret, MESSENGER.pageAccessToken]) expect(auditText).not.toContain(secret);
      const shown = await (await call('GET', `/channels/${created.id}`, owner.accessToken)).text();
      for (const secret of ['EAAB-rotated-page-token-9999', 'fb-new-app-secret-abcd', MESSENGER.verifyToken]) expect(shown).not.toContain(secret);
    });

    it('renames, changes widget origins and refuses invalid changes with 400', async () => {
      const telegram = await newChannel({ type: 'telegram', credentials: TELEGRAM });
      const renamed = await send<Channel>('PATCH', `/channels/${telegram.id}`, { name: '  Renamed bot ' });
      expect(renamed).toMatchObject({ name: 'Renamed bot', version: 2, credentials: { botToken: { last4: TELEGRAM.botToken.slice(-4) }, secretToken: { last4: '0451' } } });
      await problem(await call('PATCH', `/channels/${telegram.id}`, owner.accessToken, { credentials: { botToken: 'bad-token' } }), 400, 'credentials.botToken');
      await problem(await call('PATCH', `/channels/${telegram.id}`, owner.accessToken, { credentials: { appSecret: 'not telegram' } }), 400, 'credentials.appSecret');
      await problem(await call('PATCH', `/channels/${telegram.id}`, owner.accessToken, { settings: { allowedOrigins: [SHOP] } }), 400, 'settings');
      await problem(await call('PATCH', `/channels/${telegram.id}`, owner.accessToken, { name: null }), 400, 'name');
      await problem(await call('PATCH', `/channels/${telegram.id}`, owner.accessToken, { type: 'web' }), 400);
      expect((await get<Channel>(`/channels/${telegram.id}`)).version).toBe(2);

      const web = await newChannel({ type: 'web', settings: { allowedOrigins: [SHOP] } });
      expect(await send<Channel>('PATCH', `/channels/${web.id}`, { settings: { allowedOrigins: ['https://other.example'] } })).toMatchObject({
        settings: { allowedOrigins: ['https://other.example'] },
        publicKey: web.publicKey,
      });
      await problem(await call('PATCH', `/channels/${web.id}`, owner.accessToken, { settings: { allowedOrigins: ['*'] } }), 400, 'settings.allowedOrigins.0');
      await problem(await call('PATCH', `/channels/${web.id}`, owner.accessToken, { credentials: { botToken: TELEGRAM.botToken } }), 400, 'credentials');
      await problem(await call('PATCH', `/channels/${randomUUID()}`, owner.accessToken, { name: 'x' }), 404);
      await problem(await call('GET', '/channels/not-a-uuid', owner.accessToken), 400);
    });

    it('removes a channel: 404 afterwards, gone from the list, its conversations stay', async () => {
      const web = await newChannel({ type: 'web', settings: { allowedOrigins: [SHOP] } });
      const visitorId = visitor();
      expect((await call('POST', `/widget/${web.publicKey}/messages`, undefined, { visitorId, text: 'Before the removal' })).status).toBe(201);
      const [kept] = (await get<Page<Conversation>>(`/conversations?channelId=${web.id}`)).data;
      expect((await call('DELETE', `/channels/${web.id}`, owner.accessToken)).status).toBe(204);
      await problem(await call('GET', `/channels/${web.id}`, owner.accessToken), 404);
      await problem(await call('PATCH', `/channels/${web.id}`, owner.accessToken, { name: 'x' }), 404);
      await problem(await call('DELETE', `/channels/${web.id}`, owner.accessToken), 404);
      expect((await get<Page<Channel>>('/channels?limit=100')).data.map((channel) => channel.id)).not.toContain(web.id);
      expect((await conversation(kept.id)).threadId).toBe(visitorId);
      // Its widget is gone too.
      await problem(await call('POST', `/widget/${web.publicKey}/messages`, undefined, { visitorId, text: 'After the removal' }), 404);
      await problem(await call('GET', `/widget/${web.publicKey}/messages?visitorId=${visitorId}`), 404);
      expect((await get<Page<AuditEntry>>(`/audit-logs?entityId=${web.id}`)).data.map((entry) => entry.action).sort()).toEqual(['channel.created', 'channel.deleted']);
    });

    it('lets admins manage channels; managers, agents and viewers get 403', async () => {
      const mine = await newChannel({ type: 'line', credentials: LINE }, admin.accessToken);
      expect((await get<Page<Channel>>('/channels?limit=100', admin.accessToken)).data.map((channel) => channel.id)).toContain(mine.id);
      expect((await send<Channel>('PATCH', `/channels/${mine.id}`, { name: 'Admin renamed' }, admin.accessToken)).name).toBe('Admin renamed');
      for (const session of [manager, agent, viewer]) {
        await problem(await call('GET', '/channels', session.accessToken), 403);
        await problem(await call('POST', '/channels', session.accessToken, { type: 'line', name: 'Nope', credentials: LINE }), 403);
        await problem(await call('GET', `/channels/${mine.id}`, session.accessToken), 403);
        await problem(await call('PATCH', `/channels/${mine.id}`, session.accessToken, { name: 'Nope' }), 403);
        await problem(await call('DELETE', `/channels/${mine.id}`, session.accessToken), 403);
      }
      await problem(await call('GET', '/channels'), 401);
      expect((await get<Channel>(`/channels/${mine.id}`)).name).toBe('Admin renamed');
      expect((await call('DELETE', `/channels/${mine.id}`, admin.accessToken)).status).toBe(204);
    });
  });

  describe('conversations', () => {
    let web: Channel;
    let telegram: Channel;
    let nextUpdateId = 1000;

    /** A visitor writes in the widget; the conversation, found by the visitor's unique name. */
    const openWidget = async (name: string, text = 'Hello from the widget'): Promise<Conversation & { visitorId: string }> => {
      const visitorId = visitor();
      expect((await call('POST', `/widget/${web.publicKey}/messages`, undefined, { visitorId, text, name })).status).toBe(201);
      const { data } = await get<Page<Conversation>>(`/conversations?q=${encodeURIComponent(name)}`);
      expect(data).toHaveLength(1);
      return { ...data[0], visitorId };
    };
    const widgetSays = async (visitorId: string, text: string) => expect((await call('POST', `/widget/${web.publicKey}/messages`, undefined, { visitorId, text })).status).toBe(201);
    const telegramSays = async (chatId: number, firstName: string, lastName: string, text: string) => {
      const updateId = nextUpdateId++;
      const update = { update_id: updateId, message: { message_id: updateId, date: 1_700_000_000, chat: { id: chatId, type: 'private', first_name: firstName }, from: { id: chatId, first_name: firstName, last_name: lastName }, text } };
      expect(await json(call('POST', `/webhooks/telegram/${telegram.id}`, undefined, update, { 'x-telegram-bot-api-secret-token': TELEGRAM.secretToken }))).toMatchObject({ stored: 1 });
    };
    const list = async (query: string, token = owner.accessToken) => (await get<Page<Conversation>>(`/conversations?${query}`, token)).data;
    /** Every customer message has had the bot's answer (the bot answers each one while it is on). */
    const settled = (id: string) =>
      eventually(
        () => messagesOf(id),
        (messages) => messages.filter((message) => message.direction === 'inbound').every((inbound) => messages.some((message) => message.senderType === 'bot' && message.replyToId === inbound.id)),
      );

    beforeAll(async () => {
      web = await newChannel({ type: 'web', settings: { allowedOrigins: [SHOP] } });
      telegram = await newChannel({ type: 'telegram', credentials: TELEGRAM });
    });

    it('lists with filters by status, channel, assignee (me, unassigned, a user), bot switch and text, and pages with a cursor', async () => {
      const tag = word();
      const alpha = await openWidget(`Alpha ${tag}`);
      const beta = await openWidget(`Beta ${tag}`);
      await telegramSays(4242, 'Gamma', tag, 'Hi from Telegram');
      const [gamma] = await list(`q=${tag}&channelId=${telegram.id}`);
      expect(gamma).toMatchObject({ channelId: telegram.id, threadId: '4242', contactName: `Gamma ${tag}`, status: 'open', botEnabled: true, assigneeId: null });
      await send('PATCH', `/conversations/${alpha.id}`, { assigneeId: agent.user.id });
      await send('PATCH', `/conversations/${beta.id}`, { status: 'pending', botEnabled: false });

      expect(ids(await list(`q=${tag}`))).toEqual(ids([alpha, beta, gamma]));
      expect(ids(await list(`q=${tag.toUpperCase()}`))).toEqual(ids([alpha, beta, gamma]));
      expect(ids(await list(`q=${encodeURIComponent(`alpha ${tag}`)}`))).toEqual([alpha.id]);
      expect(ids(await list(`q=${tag}&channelId=${web.id}`))).toEqual(ids([alpha, beta]));
      expect(ids(await list(`q=${tag}&channelId=${randomUUID()}`))).toEqual([]);
      expect(ids(await list(`q=${tag}&status=pending`))).toEqual([beta.id]);
      expect(ids(await list(`q=${tag}&status=open`))).toEqual(ids([alpha, gamma]));
      expect(ids(await list(`q=${tag}&status=resolved`))).toEqual([]);
      expect(ids(await list(`q=${tag}&assigneeId=${agent.user.id}`))).toEqual([alpha.id]);
      expect(ids(await list(`q=${tag}&assigneeId=me`, agent.accessToken))).toEqual([alpha.id]);
      expect(ids(await list(`q=${tag}&assigneeId=me`))).toEqual([]);
      expect(ids(await list(`q=${tag}&assigneeId=unassigned`))).toEqual(ids([beta, gamma]));
      expect(ids(await list(`q=${tag}&botEnabled=false`))).toEqual([beta.id]);
      expect(ids(await list(`q=${tag}&botEnabled=true`))).toEqual(ids([alpha, gamma]));
      expect(ids(await list(`q=${tag}&botEnabled=true&assigneeId=unassigned&channelId=${telegram.id}`))).toEqual([gamma.id]);
      // Everyone who reads the inbox sees the same lists.
      expect(ids(await list(`q=${tag}`, viewer.accessToken))).toEqual(ids([alpha, beta, gamma]));

      const first = await get<Page<Conversation>>(`/conversations?q=${tag}&limit=2`);
      expect(first.data).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await get<Page<Conversation>>(`/conversations?q=${tag}&limit=2&cursor=${encodeURIComponent(first.nextCursor as string)}`);
      expect(second.nextCursor).toBeNull();
      expect(ids([...first.data, ...second.data])).toEqual(ids([alpha, beta, gamma]));

      await problem(await call('GET', '/conversations?status=closed', owner.accessToken), 400, 'status');
      await problem(await call('GET', '/conversations?assigneeId=bob', owner.accessToken), 400, 'assigneeId');
      await problem(await call('GET', '/conversations?botEnabled=maybe', owner.accessToken), 400, 'botEnabled');
      await problem(await call('GET', '/conversations?channelId=telegram', owner.accessToken), 400, 'channelId');
      await problem(await call('GET', '/conversations?limit=0', owner.accessToken), 400, 'limit');
    });

    it('reads one conversation with an ETag and changes it with If-Match; a stale ETag gets 412', async () => {
      const subject = await openWidget(`Etag ${word()}`);
      const read = await call('GET', `/conversations/${subject.id}`, owner.accessToken);
      const etag = read.headers.get('etag') as string;
      const before = await json<Conversation>(read);
      expect(etag).toBe(`"${before.version}"`);
      expect(before).toMatchObject({ id: subject.id, channelId: web.id, threadId: subject.visitorId, status: 'open', botEnabled: true, assigneeId: null, firstResponseMs: null });
      expect(before.leadId).toEqual(expect.any(String));

      const changed = await call('PATCH', `/conversations/${subject.id}`, owner.accessToken, { status: 'resolved', assigneeId: manager.user.id }, { 'if-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).toBe(`"${before.version + 1}"`);
      expect(await json<Conversation>(changed)).toMatchObject({ status: 'resolved', assigneeId: manager.user.id, botEnabled: true, version: before.version + 1 });
      await problem(await call('PATCH', `/conversations/${subject.id}`, owner.accessToken, { status: 'open' }, { 'if-match': etag }), 412);
      await problem(await call('PATCH', `/conversations/${subject.id}`, owner.accessToken, { status: 'open' }, { 'if-match': 'W/"x"' }), 412);
      expect(await conversation(subject.id)).toMatchObject({ status: 'resolved', version: before.version + 1 });
      // Without If-Match the change applies to the current version.
      expect(await send<Conversation>('PATCH', `/conversations/${subject.id}`, { assigneeId: null })).toMatchObject({ assigneeId: null, status: 'resolved' });

      // The customer writing again reopens a resolved conversation.
      await widgetSays(subject.visitorId, 'One more question');
      expect((await conversation(subject.id)).status).toBe('open');

      await problem(await call('PATCH', `/conversations/${subject.id}`, owner.accessToken, { status: 'closed' }), 400, 'status');
      await problem(await call('PATCH', `/conversations/${subject.id}`, owner.accessToken, { status: null }), 400, 'status');
      await problem(await call('PATCH', `/conversations/${subject.id}`, owner.accessToken, { botEnabled: 'no' }), 400, 'botEnabled');
      await problem(await call('PATCH', `/conversations/${subject.id}`, owner.accessToken, { assigneeId: 'bob' }), 400, 'assigneeId');
      await problem(await call('PATCH', `/conversations/${subject.id}`, owner.accessToken, { assigneeId: randomUUID() }), 422, 'assigneeId');
      await problem(await call('PATCH', `/conversations/${subject.id}`, owner.accessToken, { contactId: randomUUID() }), 400);
      await problem(await call('GET', `/conversations/${randomUUID()}`, owner.accessToken), 404);
      await problem(await call('PATCH', `/conversations/${randomUUID()}`, owner.accessToken, { status: 'open' }), 404);
      await problem(await call('GET', '/conversations/not-a-uuid', owner.accessToken), 400);
    });

    it('lists messages oldest or newest first, in pages that follow the cursor', async () => {
      const subject = await openWidget(`Paging ${word()}`, 'First question');
      await widgetSays(subject.visitorId, 'Second question');
      await widgetSays(subject.visitorId, 'Third question');
      await settled(subject.id);
      await send('PATCH', `/conversations/${subject.id}`, { botEnabled: false });
      await widgetSays(subject.visitorId, 'Fourth question');

      const asc = await messagesOf(subject.id, 'order=asc&limit=100');
      expect(await messagesOf(subject.id)).toEqual(asc);
      expect(asc.filter((message) => message.direction === 'inbound').map((message) => message.text)).toEqual(['First question', 'Second question', 'Third question', 'Fourth question']);
      expect(asc.length).toBeGreaterThanOrEqual(7);
      const times = asc.map((message) => Date.parse(message.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const message of asc) expect(message.conversationId).toBe(subject.id);
      // Every bot answer comes after the question it answers.
      for (const reply of asc.filter((message) => message.replyToId !== null)) {
        expect(asc.findIndex((message) => message.id === reply.replyToId)).toBeLessThan(asc.indexOf(reply));
      }
      const desc = await messagesOf(subject.id, 'order=desc&limit=100');
      expect(desc.map((message) => message.id)).toEqual(asc.map((message) => message.id).reverse());

      const walk = async (order: string) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const page: Page<Message> = await get<Page<Message>>(`/conversations/${subject.id}/messages?order=${order}&limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
          expect(page.data.length).toBeLessThanOrEqual(2);
          seen.push(...page.data.map((message) => message.id));
          cursor = page.nextCursor;
          if (cursor === null) return seen;
        }
        throw new Error('the cursor never ended');
      };
      expect(await walk('asc')).toEqual(asc.map((message) => message.id));
      expect(await walk('desc')).toEqual(desc.map((message) => message.id));

      await problem(await call('GET', `/conversations/${subject.id}/messages?order=sideways`, owner.accessToken), 400, 'order');
      await problem(await call('GET', `/conversations/${subject.id}/messages?limit=1000`, owner.accessToken), 400, 'limit');
      await problem(await call('GET', `/conversations/${randomUUID()}/messages`, owner.accessToken), 404);
    });

    it("hands off on an agent's reply: the bot goes off, the agent takes the conversation, the first response time is kept", async () => {
      const subject = await openWidget(`Handoff ${word()}`, 'Can I talk to someone?');
      const [question] = (await messagesOf(subject.id)).filter((message) => message.direction === 'inbound');
      const response = await call('POST', `/conversations/${subject.id}/messages`, agent.accessToken, { text: '  Hi, I am Olga from the shop.  ' });
      expect(response.status).toBe(201);
      const reply = await json<Message>(response);
      // A widget reply has nothing to push to: it is sent as soon as it is stored, and the widget polls it.
      expect(reply).toMatchObject({ conversationId: subject.id, direction: 'outbound', senderType: 'agent', senderId: agent.user.id, contentType: 'text', text: 'Hi, I am Olga from the shop.', replyToId: question.id, deliveryStatus: 'sent' });
      const after = await conversation(subject.id);
      expect(after).toMatchObject({ botEnabled: false, assigneeId: agent.user.id });
      expect(after.version).toBeGreaterThan(subject.version);
      expect(after.firstResponseMs).toBeGreaterThanOrEqual(0);
      expect(after.firstResponseAt).toEqual(expect.any(String));
      const polled = await json<{ data: { id: string; senderType: string; text: string }[] }>(call('GET', `/widget/${web.publicKey}/messages?visitorId=${subject.visitorId}`));
      expect(polled.data).toContainEqual(expect.objectContaining({ id: reply.id, senderType: 'agent', text: 'Hi, I am Olga from the shop.' }));

      // A second reply keeps the first response time; the bot stays quiet when the customer writes again.
      await send('POST', `/conversations/${subject.id}/messages`, { text: 'Anything else?' }, agent.accessToken);
      expect(await conversation(subject.id)).toMatchObject({ firstResponseAt: after.firstResponseAt, firstResponseMs: after.firstResponseMs, assigneeId: agent.user.id, botEnabled: false });
      await widgetSays(subject.visitorId, 'Yes, the delivery time?');
      await sleep(1500);
      const messages = await messagesOf(subject.id);
      const last = messages.filter((message) => message.direction === 'inbound').pop() as Message;
      expect(last.text).toBe('Yes, the delivery time?');
      expect(messages.filter((message) => message.replyToId === last.id)).toEqual([]);

      await problem(await call('POST', `/conversations/${subject.id}/messages`, agent.accessToken, { text: '   ' }), 400, 'text');
      await problem(await call('POST', `/conversations/${subject.id}/messages`, agent.accessToken, { text: 'x'.repeat(4001) }), 400, 'text');
      await problem(await call('POST', `/conversations/${randomUUID()}/messages`, owner.accessToken, { text: 'Nobody there' }), 404);
    });

    it("delivers an agent's reply on Telegram to the customer's chat", async () => {
      await telegramSays(777_001, 'Tessa', 'Gram', 'Is anyone there?');
      const [subject] = await list(`channelId=${telegram.id}&q=Tessa`);
      const reply = await send<Message>('POST', `/conversations/${subject.id}/messages`, { text: 'Yes, Tessa, I am here.' }, manager.accessToken);
      expect(reply).toMatchObject({ senderType: 'agent', senderId: manager.user.id, deliveryStatus: 'queued' });
      const [sent] = await stub.waitFor((request) => request.path === `/bot${TELEGRAM.botToken}/sendMessage` && (request.body as { text?: string }).text === 'Yes, Tessa, I am here.');
      expect(sent.body).toMatchObject({ chat_id: '777001' });
      await eventually(
        async () => (await messagesOf(subject.id)).find((message) => message.id === reply.id),
        (message) => message?.deliveryStatus === 'sent',
      );
      expect(await conversation(subject.id)).toMatchObject({ assigneeId: manager.user.id, botEnabled: false });
    });

    it("keeps agents to their own and unassigned conversations: 403 on someone else's, claiming an unassigned one works", async () => {
      const theirs = await openWidget(`Theirs ${word()}`);
      await send('PATCH', `/conversations/${theirs.id}`, { assigneeId: otherAgent.user.id });
      await problem(await call('PATCH', `/conversations/${theirs.id}`, agent.accessToken, { status: 'pending' }), 403);
      await problem(await call('PATCH', `/conversations/${theirs.id}`, agent.accessToken, { assigneeId: agent.user.id }), 403);
      await problem(await call('POST', `/conversations/${theirs.id}/messages`, agent.accessToken, { text: 'Let me take this' }), 403);
      // Reading is fine.
      expect((await conversation(theirs.id, agent.accessToken)).assigneeId).toBe(otherAgent.user.id);
      expect((await call('GET', `/conversations/${theirs.id}/messages`, agent.accessToken)).status).toBe(200);
      expect(await conversation(theirs.id)).toMatchObject({ assigneeId: otherAgent.user.id, status: 'open' });
      expect((await messagesOf(theirs.id)).filter((message) => message.senderType === 'agent')).toEqual([]);
      // Their own agent and managers may.
      expect(await send<Conversation>('PATCH', `/conversations/${theirs.id}`, { status: 'pending' }, otherAgent.accessToken)).toMatchObject({ status: 'pending' });
      expect((await call('POST', `/conversations/${theirs.id}/messages`, manager.accessToken, { text: 'A manager steps in' })).status).toBe(201);
      expect((await conversation(theirs.id)).assigneeId).toBe(otherAgent.user.id);

      // An unassigned conversation: the agent claims it, may let it go, but may not give it to someone else.
      const free = await openWidget(`Free ${word()}`);
      await problem(await call('PATCH', `/conversations/${free.id}`, agent.accessToken, { assigneeId: otherAgent.user.id }), 403);
      expect(await send<Conversation>('PATCH', `/conversations/${free.id}`, { assigneeId: agent.user.id }, agent.accessToken)).toMatchObject({ assigneeId: agent.user.id });
      expect(await send<Conversation>('PATCH', `/conversations/${free.id}`, { assigneeId: null, status: 'pending' }, agent.accessToken)).toMatchObject({ assigneeId: null, status: 'pending' });
      // Replying to an unassigned conversation claims it; afterwards the other agent is locked out.
      expect((await call('POST', `/conversations/${free.id}/messages`, agent.accessToken, { text: 'I will help you' })).status).toBe(201);
      expect((await conversation(free.id)).assigneeId).toBe(agent.user.id);
      await problem(await call('POST', `/conversations/${free.id}/messages`, otherAgent.accessToken, { text: 'Me too' }), 403);
    });

    it('lets viewers read only: 403 on changes and replies', async () => {
      const subject = await openWidget(`Viewer ${word()}`);
      expect((await list(`q=${encodeURIComponent(subject.contactName as string)}`, viewer.accessToken)).map((row) => row.id)).toEqual([subject.id]);
      expect((await conversation(subject.id, viewer.accessToken)).id).toBe(subject.id);
      expect((await call('GET', `/conversations/${subject.id}/messages`, viewer.accessToken)).status).toBe(200);
      await problem(await call('PATCH', `/conversations/${subject.id}`, viewer.accessToken, { status: 'resolved' }), 403);
      await problem(await call('POST', `/conversations/${subject.id}/messages`, viewer.accessToken, { text: 'Viewer here' }), 403);
      expect(await conversation(subject.id)).toMatchObject({ status: 'open', assigneeId: null, botEnabled: true });
      expect((await messagesOf(subject.id)).filter((message) => message.senderType === 'agent')).toEqual([]);
      await problem(await call('GET', '/conversations'), 401);
      await problem(await call('GET', `/conversations/${subject.id}/messages`), 401);
    });
  });
});
