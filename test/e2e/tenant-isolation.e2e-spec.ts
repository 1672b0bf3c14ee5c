import { randomUUID } from 'node:crypto';
import { json } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

interface Session {
  accessToken: string;
  user: { id: string };
  tenant: { id: string };
}

const PASSWORD = 'correct horse battery staple';

/**
 * Bodies for templated routes whose request body has required fields, so the call reaches the
 * handler (and its tenant scoping) instead of stopping at validation. A new templated route with a
 * required body must be added here: the suite fails until it is.
 */
const BODIES: Record<string, unknown> = {};

/**
 * Every tenant-owned route with an id in its path, taken from /docs-json so routes added later are
 * covered without editing this file: tenant A's owner, given B's ids, gets 404 and nothing of B.
 */
describe('cross-tenant isolation of every templated route (PostgreSQL, black box)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let a: Session;
  const bIds: string[] = [];
  const bSecrets: string[] = [];
  let bRefs: { contactId: string; leadId: string; pipelineId: string; stageId: string; userId: string; brandId: string; modelId: string; bodyTypeId: string; categoryId: string; optionId: string };
  /** B's chat channels and the conversation a visitor opened in B's widget. */
  let bChat: { telegramId: string; widgetId: string; publicKey: string; conversationId: string; visitorId: string };

  // A FormData body goes as multipart (fetch sets its boundary); anything else as JSON.
  const call = (method: string, path: string, token: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    const register = (slug: string) =>
      json<Session>(fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantName: slug, tenantSlug: slug, email: `owner@${slug}.example`, password: PASSWORD, name: 'Owner' }) }));
    a = await register('tenant-a');
    const b = await register('tenant-b');
    // Give B one resource of every kind that has an id route, and remember B's ids and secrets.
    const invitation = await json<{ id: string; token: string }>(call('POST', '/api/v1/invitations', b.accessToken, { email: 'agent@tenant-b.example', role: 'agent' }));
    const joined = await json<Session>(fetch(`${base}/api/v1/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: invitation.token, name: 'B Agent', password: PASSWORD }) }));
    const key = await json<{ id: string; key: string }>(call('POST', '/api/v1/api-keys', b.accessToken, { name: 'b key', role: 'viewer' }));
    bIds.push(b.user.id, joined.user.id, key.id, invitation.id, b.tenant.id);
    bSecrets.push('agent@tenant-b.example', 'owner@tenant-b.example', 'b key', key.key);
    // CRM: a contact (and a second one, B's merge source), a lead with an activity, B's default pipeline and a stage, a task, a job.
    const contact = await json<{ id: string }>(call('POST', '/api/v1/contacts', b.accessToken, { name: 'Bea Buyer', email: 'bea@tenant-b.example', phone: '+44 20 7946 0321', identities: [{ channel: 'telegram', platformUserId: 'tg-bea-secret' }] }));
    const twin = await json<{ id: string }>(call('POST', '/api/v1/contacts', b.accessToken, { name: 'Bea Twin', email: 'bea.twin@tenant-b.example' }));
    const lead = await json<{ id: string; pipelineId: string; stageId: string }>(call('POST', '/api/v1/leads', b.accessToken, { title: 'B secret fleet deal', contactId: contact.id, valueMinor: 4_200_000 }));
    const activity = await json<{ id: string }>(call('POST', `/api/v1/leads/${lead.id}/activities`, b.accessToken, { type: 'note', text: 'B secret negotiation note' }));
    const pipeline = await json<{ id: string; stages: { id: string }[] }>(call('GET', `/api/v1/pipelines/${lead.pipelineId}`, b.accessToken));
    const task = await json<{ id: string }>(call('POST', '/api/v1/tasks', b.accessToken, { title: 'B secret follow-up', dueAt: new Date(Date.now() + 86_400_000).toISOString(), leadId: lead.id }));
    const upload = new FormData();
    upload.append('file', new Blob(['name,email,title\nBo Import,bo.import@tenant-b.example,B secret import deal\n'], { type: 'text/csv' }), 'b-secret-leads.csv');
    const { jobId } = await json<{ jobId: string }>(call('POST', '/api/v1/imports/leads', b.accessToken, upload));
    const bStageId = pipeline.stages[1].id;
    bIds.push(contact.id, lead.id, activity.id, pipeline.id, bStageId, task.id, jobId);
    bSecrets.push('bea@tenant-b.example', 'Bea Buyer', '+442079460321', 'tg-bea-secret', 'B secret fleet deal', 'B secret negotiation note', 'B secret follow-up', 'b-secret-leads.csv', 'bo.import@tenant-b.example');
    // Templated routes with a required body get one naming B's own records, so only the path id decides.
    // The merge source is B's second contact: with the first, merging it into itself would be a 400 whoever asks.
    Object.assign(BODIES, {
      'POST /api/v1/contacts/{id}/merge': { sourceId: twin.id },
      'POST /api/v1/leads/{id}/stage': { stageId: bStageId },
      'POST /api/v1/leads/{id}/lost': { reason: 'x' },
      'POST /api/v1/leads/{id}/assign': { assigneeId: null },
      'POST /api/v1/leads/{id}/activities': { type: 'note', text: 'x' },
      'POST /api/v1/pipelines/{id}/stages': { name: 'Injected', probability: 50, kind: 'open' },
      'PUT /api/v1/pipelines/{id}/stages/order': { stageIds: pipeline.stages.map((stage) => stage.id) },
    });
    // Catalogue: a brand with a model of B's own body type, a category with an option, priced.
    const bodyType = await json<{ id: string }>(call('POST', '/api/v1/catalog/body-types', b.accessToken, { name: 'B secret body' }));
    const brand = await json<{ id: string }>(call('POST', '/api/v1/catalog/brands', b.accessToken, { name: 'B secret brand', aliases: ['B secret alias'] }));
    const model = await json<{ id: string }>(call('POST', '/api/v1/catalog/models', b.accessToken, { brandId: brand.id, name: 'B secret model', bodyTypeId: bodyType.id }));
    const category = await json<{ id: string }>(call('POST', '/api/v1/catalog/categories', b.accessToken, { name: 'B secret category' }));
    const option = await json<{ id: string }>(call('POST', '/api/v1/catalog/options', b.accessToken, { categoryId: category.id, name: 'B secret option' }));
    await call('POST', '/api/v1/catalog/base-prices', b.accessToken, { categoryId: category.id, bodyTypeId: bodyType.id, amountMinor: 777_777, currency: 'EUR', validFrom: '2020-01-01' });
    bIds.push(bodyType.id, brand.id, model.id, category.id, option.id);
    bSecrets.push('B secret body', 'B secret brand', 'B secret alias', 'B secret model', 'B secret category', 'B secret option', '777777');
    bRefs = { contactId: contact.id, leadId: lead.id, pipelineId: pipeline.id, stageId: bStageId, userId: joined.user.id, brandId: brand.id, modelId: model.id, bodyTypeId: bodyType.id, categoryId: category.id, optionId: option.id };
    // Knowledge: an active FAQ (matchable) of B's.
    const faq = await json<{ id: string }>(call('POST', '/api/v1/faqs', b.accessToken, { question: 'B secret question about warranty?', answer: 'B secret answer', category: 'B secret topic' }));
    bIds.push(faq.id);
    bSecrets.push('B secret question', 'B secret answer', 'B secret topic');
    Object.assign(BODIES, { 'PATCH /api/v1/faqs/{id}': { answer: 'Injected answer' } });
    // Conversations: a Telegram channel (with its secrets), a widget channel, and a conversation a visitor opened in B's widget, answered by B's owner.
    const bTelegram = await json<{ id: string }>(
      call('POST', '/api/v1/channels', b.accessToken, { type: 'telegram', name: 'B secret bot', credentials: { botToken: '9000009:B-secret-telegram-token-xyz123', secretToken: 'b-secret-webhook-token' } }),
    );
    const bWidget = await json<{ id: string; publicKey: string }>(call('POST', '/api/v1/channels', b.accessToken, { type: 'web', name: 'B secret widget', settings: { allowedOrigins: ['https://b-secret-shop.example'] } }));
    const visitorId = 'b_secret_visitor_0001';
    const widgetMessage = await json<{ id: string }>(
      fetch(`${base}/api/v1/widget/${bWidget.publicKey}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorId, text: 'B secret visitor question', name: 'B secret visitor' }) }),
    );
    const [bConversation] = (await json<{ data: { id: string }[] }>(call('GET', `/api/v1/conversations?channelId=${bWidget.id}`, b.accessToken))).data;
    const bReply = await json<{ id: string }>(call('POST', `/api/v1/conversations/${bConversation.id}/messages`, b.accessToken, { text: 'B secret agent answer' }));
    bIds.push(bTelegram.id, bWidget.id, bConversation.id, widgetMessage.id, bReply.id);
    bSecrets.push('B secret bot', '9000009:B-secret-telegram-token-xyz123', 'b-secret-webhook-token', 'B secret widget', 'b-secret-shop.example', bWidget.publicKey, visitorId, 'B secret visitor', 'B secret agent answer');
    bChat = { telegramId: bTelegram.id, widgetId: bWidget.id, publicKey: bWidget.publicKey, conversationId: bConversation.id, visitorId };
    Object.assign(BODIES, {
      'PATCH /api/v1/channels/{id}': { name: 'Injected channel' },
      'PATCH /api/v1/conversations/{id}': { status: 'resolved', botEnabled: true },
      'POST /api/v1/conversations/{id}/messages': { text: 'Injected reply' },
    });
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('answers 404 and leaks nothing for every templated route called with the other tenant\'s ids', async () => {
    const document = await json<{
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    }>(fetch(`${base}/docs-json`));
    const schemas = document.components.schemas;
    // Platform-admin routes act across tenants on purpose; platform-admin.e2e-spec.ts covers them.
    // Bot texts are addressed by key and locale, which every tenant has, not by ids: the bot texts test below covers them.
    // The widget is public and addressed by a channel's public key (whoever holds it may write there): the chat test below covers it.
    const skipped = (path: string) => path.startsWith('/api/v1/admin/') || path.startsWith('/api/v1/bot-texts/') || path.startsWith('/api/v1/widget/');
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      path.includes('{') && !skipped(path) ? Object.entries(operations).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })) : [],
    );
    expect(routes.length).toBeGreaterThan(0);
    const checked: string[] = [];
    for (const { path, method, operation } of routes) {
      const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop();
      const needsBody = ref !== undefined && (schemas[ref]?.required?.length ?? 0) > 0;
      const route = `${method} ${path}`;
      if (needsBody && !(route in BODIES)) throw new Error(`${route} has a required body: add one to BODIES in tenant-isolation.e2e-spec.ts`);
      const body = route in BODIES ? BODIES[route] : ref !== undefined ? {} : undefined;
      for (const id of bIds) {
        const response = await call(method, path.replace(/\{[^}]+\}/g, id), a.accessToken, body);
        const text = await response.text();
        expect({ route, id, status: response.status }).toEqual({ route, id, status: 404 });
        for (const secret of bSecrets) expect(text).not.toContain(secret);
      }
      checked.push(route);
    }
    expect(checked).toEqual(expect.arrayContaining(['PATCH /api/v1/members/{userId}', 'DELETE /api/v1/members/{userId}', 'DELETE /api/v1/api-keys/{id}']));
    expect(checked).toEqual(expect.arrayContaining(['POST /api/v1/contacts/{id}/merge', 'POST /api/v1/leads/{id}/stage', 'DELETE /api/v1/pipelines/{id}/stages/{stageId}', 'GET /api/v1/jobs/{id}']));
    expect(checked).toEqual(expect.arrayContaining(['PATCH /api/v1/catalog/brands/{id}', 'DELETE /api/v1/catalog/models/{id}', 'GET /api/v1/catalog/options/{id}', 'DELETE /api/v1/catalog/body-types/{id}']));
    expect(checked).toEqual(expect.arrayContaining(['GET /api/v1/faqs/{id}', 'PATCH /api/v1/faqs/{id}', 'DELETE /api/v1/faqs/{id}']));
    expect(checked).toEqual(expect.arrayContaining(['GET /api/v1/channels/{id}', 'PATCH /api/v1/channels/{id}', 'DELETE /api/v1/channels/{id}']));
    expect(checked).toEqual(
      expect.arrayContaining(['GET /api/v1/conversations/{id}', 'PATCH /api/v1/conversations/{id}', 'GET /api/v1/conversations/{id}/messages', 'POST /api/v1/conversations/{id}/messages']),
    );
  });

  it("never matches or lists the other tenant's FAQs", async () => {
    for (const path of ['/api/v1/faqs/match?q=B%20secret%20question%20about%20warranty', '/api/v1/faqs/match?q=warranty', '/api/v1/faqs?q=warranty', '/api/v1/faqs?category=B%20secret%20topic']) {
      const response = await call('GET', path, a.accessToken);
      const text = await response.text();
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect({ path, data: (JSON.parse(text) as { data: unknown[] }).data }).toEqual({ path, data: [] });
      for (const secret of bSecrets) expect(text).not.toContain(secret);
    }
  });

  it("keeps chat channels and conversations per tenant: A's lists, webhooks and widget never reach B's", async () => {
    const aWidget = await json<{ id: string; publicKey: string }>(call('POST', '/api/v1/channels', a.accessToken, { type: 'web', name: 'A widget', settings: { allowedOrigins: ['https://a-shop.example'] } }));
    const aTelegram = await json<{ id: string }>(call('POST', '/api/v1/channels', a.accessToken, { type: 'telegram', name: 'A bot', credentials: { botToken: '8000008:A-telegram-token-abcdefghijk', secretToken: 'a-webhook-token' } }));
    const widget = (publicKey: string, query = '', body?: unknown) =>
      fetch(`${base}/api/v1/widget/${publicKey}/messages${query}`, { method: body === undefined ? 'GET' : 'POST', headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    // A visitor id is per widget: B's visitor id in A's widget is a thread nobody opened there.
    expect(await json(widget(aWidget.publicKey, `?visitorId=${bChat.visitorId}`))).toEqual({ data: [] });
    expect((await widget(aWidget.publicKey, '', { visitorId: 'a_visitor_000000001', text: 'A question', name: 'A visitor' })).status).toBe(201);
    const [aConversation] = (await json<{ data: { id: string }[] }>(call('GET', `/api/v1/conversations?channelId=${aWidget.id}`, a.accessToken))).data;
    const lists: [string, string[]][] = [
      ['/api/v1/channels', [aWidget.id, aTelegram.id].sort()],
      ['/api/v1/conversations', [aConversation.id]],
      [`/api/v1/conversations?channelId=${bChat.widgetId}`, []],
      [`/api/v1/conversations?channelId=${bChat.telegramId}`, []],
      ['/api/v1/conversations?q=B%20secret%20visitor', []],
      [`/api/v1/conversations?assigneeId=${bRefs.userId}`, []],
    ];
    for (const [path, expected] of lists) {
      const response = await call('GET', path, a.accessToken);
      const text = await response.text();
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect({ path, ids: (JSON.parse(text) as { data: { id: string }[] }).data.map((row) => row.id).sort() }).toEqual({ path, ids: expected });
      for (const secret of bSecrets) expect(text).not.toContain(secret);
      for (const id of bIds) expect(text).not.toContain(id);
    }
    // B's webhook does not take A's secret; B's member is no assignee in A (as a user that does not exist).
    const update = { update_id: 1, message: { message_id: 1, date: 1_700_000_000, chat: { id: 99, type: 'private', first_name: 'Intruder' }, text: 'hi' } };
    const forged = await fetch(`${base}/api/v1/webhooks/telegram/${bChat.telegramId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'a-webhook-token' }, body: JSON.stringify(update) });
    expect(forged.status).toBe(401);
    const assignB = await call('PATCH', `/api/v1/conversations/${aConversation.id}`, a.accessToken, { assigneeId: bRefs.userId });
    const assignNobody = await call('PATCH', `/api/v1/conversations/${aConversation.id}`, a.accessToken, { assigneeId: randomUUID() });
    expect([assignB.status, (await json<{ type: string }>(assignB)).type]).toEqual([assignNobody.status, (await json<{ type: string }>(assignNobody)).type]);
    expect(assignB.status).toBe(422);

    // B's channels and conversation are as B left them.
    const b = await json<Session>(fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@tenant-b.example', password: PASSWORD }) }));
    expect((await json<{ data: { id: string; name: string }[] }>(call('GET', '/api/v1/channels', b.accessToken))).data.map((channel) => channel.name).sort()).toEqual(['B secret bot', 'B secret widget']);
    expect(await json(call('GET', `/api/v1/conversations/${bChat.conversationId}`, b.accessToken))).toMatchObject({ status: 'open', assigneeId: b.user.id, botEnabled: false });
    const messages = (await json<{ data: { direction: string; senderType: string; text: string }[] }>(call('GET', `/api/v1/conversations/${bChat.conversationId}/messages?limit=100`, b.accessToken))).data;
    expect(messages.filter((message) => message.direction === 'inbound').map((message) => message.text)).toEqual(['B secret visitor question']);
    expect(messages.filter((message) => message.senderType === 'agent').map((message) => message.text)).toEqual(['B secret agent answer']);
    expect((await json<{ data: unknown[] }>(call('GET', `/api/v1/conversations?channelId=${bChat.telegramId}`, b.accessToken))).data).toEqual([]);
  });

  it("treats the other tenant's ids inside request bodies exactly like ids that do not exist, and changes nothing of B", async () => {
    const contact = await json<{ id: string }>(call('POST', '/api/v1/contacts', a.accessToken, { name: 'Ann Alpha' }));
    const lead = await json<{ id: string; pipelineId: string }>(call('POST', '/api/v1/leads', a.accessToken, { title: 'A deal', contactId: contact.id }));
    const pipeline = await json<{ id: string; stages: { id: string }[] }>(call('GET', `/api/v1/pipelines/${lead.pipelineId}`, a.accessToken));
    const sedan = (await json<{ data: { id: string; name: string }[] }>(call('GET', '/api/v1/catalog/body-types', a.accessToken))).data.find((row) => row.name === 'sedan') as { id: string };
    const aBrand = await json<{ id: string }>(call('POST', '/api/v1/catalog/brands', a.accessToken, { name: 'A brand' }));
    const aModel = await json<{ id: string }>(call('POST', '/api/v1/catalog/models', a.accessToken, { brandId: aBrand.id, name: 'A model', bodyTypeId: sedan.id }));
    const aCategory = await json<{ id: string }>(call('POST', '/api/v1/catalog/categories', a.accessToken, { name: 'A category' }));
    await call('POST', '/api/v1/catalog/base-prices', a.accessToken, { categoryId: aCategory.id, bodyTypeId: sedan.id, amountMinor: 100, currency: 'EUR', validFrom: '2020-01-01' });
    const price = { amountMinor: 1, currency: 'EUR' };
    const cases: { name: string; method: string; path: string; body: (other: Record<keyof typeof bRefs, string>) => unknown }[] = [
      { name: 'merge source', method: 'POST', path: `/api/v1/contacts/${contact.id}/merge`, body: (o) => ({ sourceId: o.contactId }) },
      { name: 'lead contact', method: 'POST', path: '/api/v1/leads', body: (o) => ({ title: 'x', contactId: o.contactId }) },
      { name: 'lead pipeline', method: 'POST', path: '/api/v1/leads', body: (o) => ({ title: 'x', contactId: contact.id, pipelineId: o.pipelineId }) },
      { name: 'lead stage', method: 'POST', path: '/api/v1/leads', body: (o) => ({ title: 'x', contactId: contact.id, stageId: o.stageId }) },
      { name: 'lead assignee', method: 'POST', path: '/api/v1/leads', body: (o) => ({ title: 'x', contactId: contact.id, assigneeId: o.userId }) },
      { name: 'lead contact change', method: 'PATCH', path: `/api/v1/leads/${lead.id}`, body: (o) => ({ contactId: o.contactId }) },
      { name: 'stage move', method: 'POST', path: `/api/v1/leads/${lead.id}/stage`, body: (o) => ({ stageId: o.stageId }) },
      { name: 'assignment', method: 'POST', path: `/api/v1/leads/${lead.id}/assign`, body: (o) => ({ assigneeId: o.userId }) },
      { name: 'stage order', method: 'PUT', path: `/api/v1/pipelines/${pipeline.id}/stages/order`, body: (o) => ({ stageIds: [...pipeline.stages.slice(1).map((stage) => stage.id), o.stageId] }) },
      { name: 'task lead', method: 'POST', path: '/api/v1/tasks', body: (o) => ({ title: 'x', dueAt: new Date(Date.now() + 86_400_000).toISOString(), leadId: o.leadId }) },
      { name: 'task assignee', method: 'POST', path: '/api/v1/tasks', body: (o) => ({ title: 'x', dueAt: new Date(Date.now() + 86_400_000).toISOString(), assigneeId: o.userId }) },
      { name: 'model brand', method: 'POST', path: '/api/v1/catalog/models', body: (o) => ({ brandId: o.brandId, name: 'x', bodyTypeId: sedan.id }) },
      { name: 'model body type', method: 'POST', path: '/api/v1/catalog/models', body: (o) => ({ brandId: aBrand.id, name: 'x', bodyTypeId: o.bodyTypeId }) },
      { name: 'model move', method: 'PATCH', path: `/api/v1/catalog/models/${aModel.id}`, body: (o) => ({ brandId: o.brandId }) },
      { name: 'option category', method: 'POST', path: '/api/v1/catalog/options', body: (o) => ({ categoryId: o.categoryId, name: 'x' }) },
      { name: 'availability model', method: 'PUT', path: '/api/v1/catalog/availability', body: (o) => ({ modelId: o.modelId, categoryId: aCategory.id, available: false }) },
      { name: 'availability category', method: 'PUT', path: '/api/v1/catalog/availability', body: (o) => ({ modelId: aModel.id, categoryId: o.categoryId, available: false }) },
      { name: 'base price category', method: 'POST', path: '/api/v1/catalog/base-prices', body: (o) => ({ ...price, categoryId: o.categoryId, bodyTypeId: sedan.id }) },
      { name: 'base price body type', method: 'POST', path: '/api/v1/catalog/base-prices', body: (o) => ({ ...price, categoryId: aCategory.id, bodyTypeId: o.bodyTypeId }) },
      { name: 'model price model', method: 'POST', path: '/api/v1/catalog/model-prices', body: (o) => ({ ...price, modelId: o.modelId, categoryId: aCategory.id }) },
      { name: 'option price option', method: 'POST', path: '/api/v1/catalog/option-prices', body: (o) => ({ ...price, optionId: o.optionId }) },
      { name: 'quote model', method: 'POST', path: '/api/v1/catalog/quotes', body: (o) => ({ modelId: o.modelId, categoryId: aCategory.id }) },
      { name: 'quote category', method: 'POST', path: '/api/v1/catalog/quotes', body: (o) => ({ modelId: aModel.id, categoryId: o.categoryId }) },
      { name: 'quote option', method: 'POST', path: '/api/v1/catalog/quotes', body: (o) => ({ modelId: aModel.id, categoryId: aCategory.id, optionIds: [o.optionId] }) },
    ];
    const missing = { contactId: randomUUID(), leadId: randomUUID(), pipelineId: randomUUID(), stageId: randomUUID(), userId: randomUUID(), brandId: randomUUID(), modelId: randomUUID(), bodyTypeId: randomUUID(), categoryId: randomUUID(), optionId: randomUUID() };
    for (const { name, method, path, body } of cases) {
      const withB = await call(method, path, a.accessToken, body(bRefs));
      const withNothing = await call(method, path, a.accessToken, body(missing));
      const [bText, nothingText] = [await withB.text(), await withNothing.text()];
      const outcome = (status: number, text: string) => ({ status, type: (JSON.parse(text) as { type?: string }).type });
      expect({ name, ...outcome(withB.status, bText) }).toEqual({ name, ...outcome(withNothing.status, nothingText) });
      expect({ name, failed: withB.status >= 400 }).toEqual({ name, failed: true });
      for (const secret of bSecrets) expect(bText).not.toContain(secret);
    }
    // B's records are as B left them.
    const b = await json<Session>(fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@tenant-b.example', password: PASSWORD }) }));
    expect((await call('GET', `/api/v1/contacts/${bRefs.contactId}`, b.accessToken)).status).toBe(200);
    expect(await json(call('GET', `/api/v1/leads/${bRefs.leadId}`, b.accessToken))).toMatchObject({ contact: { id: bRefs.contactId }, assigneeId: null, title: 'B secret fleet deal' });
    expect((await json<{ stages: { id: string }[] }>(call('GET', `/api/v1/pipelines/${bRefs.pipelineId}`, b.accessToken))).stages.map((stage) => stage.id)).toContain(bRefs.stageId);
    expect(await json(call('GET', `/api/v1/catalog/models/${bRefs.modelId}`, b.accessToken))).toMatchObject({ name: 'B secret model', brand: { id: bRefs.brandId } });
    expect((await json<{ data: unknown[] }>(call('GET', `/api/v1/catalog/availability?modelId=${bRefs.modelId}`, b.accessToken))).data).toEqual([]);
    expect((await json<{ data: unknown[] }>(call('GET', '/api/v1/catalog/option-prices', b.accessToken))).data).toEqual([]);
  });

  it("never finds the other tenant's models: search and free-text quotes answer from the caller's catalogue only", async () => {
    const category = await json<{ id: string }>(call('POST', '/api/v1/catalog/categories', a.accessToken, { name: 'A search category' }));
    for (const q of ['B secret model', 'b secret brand b secret model', 'B secret alias']) {
      const search = await call('GET', `/api/v1/catalog/models/search?q=${encodeURIComponent(q)}`, a.accessToken);
      const searchText = await search.text();
      expect({ q, status: search.status }).toEqual({ q, status: 200 });
      const quote = await call('POST', '/api/v1/catalog/quotes', a.accessToken, { modelQuery: q, categoryId: category.id });
      const quoteText = await quote.text();
      // Whatever A's own catalogue answers (candidates, one of A's models, or 422 for A's unpriced category), it is A's.
      expect({ q, status: quote.status, answered: [200, 422].includes(quote.status) }).toEqual({ q, status: quote.status, answered: true });
      for (const text of [searchText, quoteText]) {
        for (const secret of bSecrets) expect(text).not.toContain(secret);
        for (const id of bIds) expect(text).not.toContain(id);
      }
    }
  });

  it("keeps bot texts and bot settings per tenant: A reads and changes its own, never B's", async () => {
    const b = await json<Session>(fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@tenant-b.example', password: PASSWORD }) }));
    const llmKey = 'sk-b-secret-llm-key-9f2c';
    expect((await call('PUT', '/api/v1/bot-texts/greeting/en', b.accessToken, { text: 'B secret greeting' })).status).toBe(200);
    expect((await call('PUT', '/api/v1/bot-texts/greeting/pt-BR', b.accessToken, { text: 'B secret saudação' })).status).toBe(200);
    const bSettings = { timezone: 'Asia/Tokyo', handoffKeywords: { en: ['B secret phrase'] }, llm: { baseUrl: 'https://b-secret-llm.example/v1', model: 'b-secret-model', apiKey: llmKey } };
    expect((await call('PATCH', '/api/v1/bot-settings', b.accessToken, bSettings)).status).toBe(200);
    const secrets = ['B secret greeting', 'B secret saudação', 'Asia/Tokyo', 'B secret phrase', 'b-secret-llm', 'b-secret-model', llmKey];
    for (const path of ['/api/v1/bot-texts', '/api/v1/bot-texts?locale=en', '/api/v1/bot-texts/greeting/en', '/api/v1/bot-settings']) {
      const response = await call('GET', path, a.accessToken);
      const text = await response.text();
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    expect((await call('GET', '/api/v1/bot-texts/greeting/pt-BR', a.accessToken)).status).toBe(404);
    // A's writes land on A's rows; B's stay as B left them.
    expect(await json(call('PUT', '/api/v1/bot-texts/greeting/en', a.accessToken, { text: 'A greeting' }))).toMatchObject({ text: 'A greeting', version: 2 });
    expect((await call('PATCH', '/api/v1/bot-settings', a.accessToken, { timezone: 'Europe/Paris', llm: null })).status).toBe(200);
    expect(await json(call('GET', '/api/v1/bot-texts/greeting/en', b.accessToken))).toMatchObject({ text: 'B secret greeting', version: 2 });
    expect(await json(call('GET', '/api/v1/bot-settings', b.accessToken))).toMatchObject({ timezone: 'Asia/Tokyo', llm: { model: 'b-secret-model', apiKey: { configured: true, last4: '9f2c' } } });
  });
});
