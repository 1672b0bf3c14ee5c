import { randomUUID } from 'node:crypto';
import { json, Problem } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

interface Session {
  accessToken: string;
  user: { id: string };
  tenant: { id: string; slug: string };
}

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface Faq {
  id: string;
  question: string;
  answer: string;
  category: string | null;
  locale: string | null;
  status: 'active' | 'suggested' | 'archived';
  hitCount: number;
  learned: boolean;
  createdAt: string;
  updatedAt: string;
}

interface Matches {
  data: { faq: Faq; score: number }[];
}

interface AuditEntry {
  action: string;
}

const PASSWORD = 'correct horse battery staple';
const PROBLEM_JSON = /^application\/problem\+json/;

/** A marker of letters only, so matching sees one word of its own. */
const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/**
 * The FAQ knowledge base as a black box on PostgreSQL as saler_app: CRUD with its 400s, role pairs,
 * and typo-tolerant matching (pg_trgm) in English and Russian over active FAQs only.
 */
describe('knowledge: FAQs and matching (black box, PostgreSQL)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;
  let manager: Session;
  let agent: Session;
  let viewer: Session;

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const get = async <T>(path: string, token = owner.accessToken): Promise<T> => {
    const response = await call('GET', path, token);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return json<T>(response);
  };
  const send = async <T>(method: string, path: string, body: unknown, token = owner.accessToken): Promise<T> => {
    const response = await call(method, path, token, body);
    if (response.status !== 201 && response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return json<T>(response);
  };
  const newFaq = (body: Record<string, unknown>, token = owner.accessToken) => send<Faq>('POST', '/faqs', { answer: 'An answer.', ...body }, token);
  const match = (q: string, extra = '') => get<Matches>(`/faqs/match?q=${encodeURIComponent(q)}${extra}`);
  const problem = async (response: Response, status: number, field?: string): Promise<Problem> => {
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status, body: expect.any(String) as string });
    expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    const body = JSON.parse(text) as Problem;
    if (field !== undefined) expect((body.errors ?? []).map((error) => error.field)).toContain(field);
    return body;
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({ entry: { dist: 'apps/api/src/main.js' }, env: { ...db.env, PORT: String(port), HOST: '127.0.0.1' } });
    await waitForReady(api, `${base}/health/ready`);
    owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Help Desk', tenantSlug: 'help-desk', email: 'owner@help.example', password: PASSWORD, name: 'Owner' }));
    const join = async (role: string) => {
      const invitation = await send<{ token: string }>('POST', '/invitations', { email: `${role}@help.example`, role });
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

  it('creates, reads, lists, updates and deletes an FAQ, and audits each change', async () => {
    const created = await newFaq({ question: '  Do you ship abroad?  ', answer: 'Yes, to the EU.', category: 'shipping', locale: 'en' });
    expect(created).toMatchObject({ question: 'Do you ship abroad?', answer: 'Yes, to the EU.', category: 'shipping', locale: 'en', status: 'active', hitCount: 0, learned: false });
    expect(await get<Faq>(`/faqs/${created.id}`)).toEqual(created);
    const updated = await send<Faq>('PATCH', `/faqs/${created.id}`, { answer: 'Yes, worldwide.', category: null, status: 'archived' });
    expect(updated).toMatchObject({ id: created.id, question: 'Do you ship abroad?', answer: 'Yes, worldwide.', category: null, locale: 'en', status: 'archived', hitCount: 0 });
    expect(await get<Faq>(`/faqs/${created.id}`)).toEqual(updated);
    const audit = await get<Page<AuditEntry>>(`/audit-logs?entityId=${created.id}&limit=10`);
    expect((await call('DELETE', `/faqs/${created.id}`, owner.accessToken)).status).toBe(204);
    await problem(await call('GET', `/faqs/${created.id}`, owner.accessToken), 404);
    await problem(await call('DELETE', `/faqs/${created.id}`, owner.accessToken), 404);
    await problem(await call('PATCH', `/faqs/${randomUUID()}`, owner.accessToken, { answer: 'x' }), 404);
    expect(audit.data.map((entry) => entry.action).sort()).toEqual(['faq.created', 'faq.updated']);
    const after = await get<Page<AuditEntry>>(`/audit-logs?entityId=${created.id}&limit=10`);
    expect(after.data.map((entry) => entry.action).sort()).toEqual(['faq.created', 'faq.deleted', 'faq.updated']);
  });

  it('lists newest first with filters and a cursor', async () => {
    const topic = word();
    const a = await newFaq({ question: `First ${topic} question`, category: topic, locale: 'en' });
    const b = await newFaq({ question: `Second ${topic} question`, category: topic, locale: 'ru', status: 'suggested' });
    const c = await newFaq({ question: `Third ${topic} question`, category: topic, locale: 'en', status: 'archived' });
    expect((await get<Page<Faq>>(`/faqs?category=${topic}`)).data.map((faq) => faq.id)).toEqual([c.id, b.id, a.id]);
    expect((await get<Page<Faq>>(`/faqs?category=${topic}&status=suggested`)).data.map((faq) => faq.id)).toEqual([b.id]);
    expect((await get<Page<Faq>>(`/faqs?category=${topic}&locale=en`)).data.map((faq) => faq.id)).toEqual([c.id, a.id]);
    expect((await get<Page<Faq>>(`/faqs?q=${encodeURIComponent(`SECOND ${topic}`)}`)).data.map((faq) => faq.id)).toEqual([b.id]);
    const first = await get<Page<Faq>>(`/faqs?category=${topic}&limit=2`);
    expect(first.data.map((faq) => faq.id)).toEqual([c.id, b.id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await get<Page<Faq>>(`/faqs?category=${topic}&limit=2&cursor=${encodeURIComponent(first.nextCursor as string)}`);
    expect(second).toEqual({ data: [expect.objectContaining({ id: a.id })], nextCursor: null });
  });

  it('refuses invalid bodies and queries with 400s naming the field', async () => {
    await problem(await call('POST', '/faqs', owner.accessToken, { answer: 'x' }), 400, 'question');
    await problem(await call('POST', '/faqs', owner.accessToken, { question: '   ', answer: 'x' }), 400, 'question');
    await problem(await call('POST', '/faqs', owner.accessToken, { question: 'q?' }), 400, 'answer');
    await problem(await call('POST', '/faqs', owner.accessToken, { question: 'q?', answer: 'x'.repeat(4001) }), 400, 'answer');
    await problem(await call('POST', '/faqs', owner.accessToken, { question: 'q?', answer: 'x', status: 'published' }), 400, 'status');
    await problem(await call('POST', '/faqs', owner.accessToken, { question: 'q?', answer: 'x', locale: 'English' }), 400, 'locale');
    await problem(await call('POST', '/faqs', owner.accessToken, { question: 'q?', answer: 'x', status: null }), 400, 'status');
    const faq = await newFaq({ question: `Valid ${word()}?` });
    await problem(await call('PATCH', `/faqs/${faq.id}`, owner.accessToken, { question: null }), 400, 'question');
    await problem(await call('PATCH', `/faqs/${faq.id}`, owner.accessToken, { answer: '' }), 400, 'answer');
    await problem(await call('PATCH', `/faqs/${faq.id}`, owner.accessToken, { status: 'deleted' }), 400, 'status');
    await problem(await call('GET', '/faqs/not-a-uuid', owner.accessToken), 400);
    await problem(await call('GET', '/faqs?status=gone', owner.accessToken), 400, 'status');
    await problem(await call('GET', '/faqs/match', owner.accessToken), 400, 'q');
    await problem(await call('GET', '/faqs/match?q=%20%20', owner.accessToken), 400, 'q');
    await problem(await call('GET', '/faqs/match?q=x&limit=0', owner.accessToken), 400, 'limit');
    await problem(await call('GET', '/faqs/match?q=x&locale=Russian', owner.accessToken), 400, 'locale');
    // hitCount and learned are read-only.
    await problem(await call('POST', '/faqs', owner.accessToken, { question: 'q?', answer: 'x', hitCount: 5 }), 400);
    await problem(await call('PATCH', `/faqs/${faq.id}`, owner.accessToken, { learned: true }), 400);
  });

  it('lets managers write; agents and viewers read and match but get 403 on writes', async () => {
    const managed = await newFaq({ question: `Manager ${word()}?` }, manager.accessToken);
    expect((await send<Faq>('PATCH', `/faqs/${managed.id}`, { answer: 'Changed' }, manager.accessToken)).answer).toBe('Changed');
    for (const reader of [agent, viewer]) {
      await problem(await call('POST', '/faqs', reader.accessToken, { question: 'q?', answer: 'x' }), 403);
      await problem(await call('PATCH', `/faqs/${managed.id}`, reader.accessToken, { answer: 'x' }), 403);
      await problem(await call('DELETE', `/faqs/${managed.id}`, reader.accessToken), 403);
      expect((await get<Faq>(`/faqs/${managed.id}`, reader.accessToken)).id).toBe(managed.id);
      expect((await get<Page<Faq>>('/faqs', reader.accessToken)).data.length).toBeGreaterThan(0);
      expect((await call('GET', '/faqs/match?q=manager', reader.accessToken)).status).toBe(200);
    }
    expect((await call('DELETE', `/faqs/${managed.id}`, manager.accessToken)).status).toBe(204);
    await problem(await call('GET', '/faqs', undefined), 401);
  });

  describe('matching', () => {
    let delivery: Faq;
    let payment: Faq;
    let dostavka: Faq;
    let garantiya: Faq;

    beforeAll(async () => {
      delivery = await newFaq({ question: 'What is the delivery time?', answer: 'Two to three working days.', locale: 'en' });
      payment = await newFaq({ question: 'Which payment methods do you accept?', answer: 'Cards and bank transfer.', locale: 'en' });
      dostavka = await newFaq({ question: 'Сколько стоит доставка по городу?', answer: 'Доставка по городу бесплатная.', locale: 'ru' });
      garantiya = await newFaq({ question: 'Какая гарантия на коврики?', answer: 'Гарантия два года.', locale: 'ru' });
    });

    it('finds English questions despite typos, best first, with scores between 0 and 1', async () => {
      const result = await match('delivry time?');
      expect(result.data[0].faq).toMatchObject({ id: delivery.id, answer: 'Two to three working days.' });
      for (const hit of result.data) expect(hit.score).toBeGreaterThan(0);
      for (const hit of result.data) expect(hit.score).toBeLessThanOrEqual(1);
      expect(result.data.map((hit) => hit.score)).toEqual([...result.data.map((hit) => hit.score)].sort((x, y) => y - x));
      expect((await match('paymnet metods')).data[0].faq.id).toBe(payment.id);
      expect((await match('WHAT IS THE DELIVERY TIME')).data[0]).toEqual({ faq: expect.objectContaining({ id: delivery.id }) as Faq, score: 1 });
    });

    it('finds Russian questions despite typos, and Russian typed in Latin letters', async () => {
      expect((await match('скока стоит доставка')).data[0].faq.id).toBe(dostavka.id);
      expect((await match('гарантия на коврик')).data[0].faq.id).toBe(garantiya.id);
      expect((await match('гарантя коврики')).data[0].faq.id).toBe(garantiya.id);
      expect((await match('dostavka po gorodu')).data[0].faq.id).toBe(dostavka.id);
    });

    it('filters by locale (FAQs without a locale match every locale) and honours the limit', async () => {
      const anyLocale = await newFaq({ question: `Where is the delivery ${word()} office?` });
      const ru = await get<Matches>(`/faqs/match?q=${encodeURIComponent('delivery time')}&locale=ru`);
      expect(ru.data.map((hit) => hit.faq.id)).not.toContain(delivery.id);
      expect(ru.data.map((hit) => hit.faq.id)).toContain(anyLocale.id);
      expect((await match('delivery time', '&locale=en')).data[0].faq.id).toBe(delivery.id);
      expect((await match('delivery', '&limit=1')).data).toHaveLength(1);
      expect((await match('zzzqqq xxxyyy')).data).toEqual([]);
    });

    it('never matches suggested or archived FAQs', async () => {
      const topic = word();
      const suggested = await newFaq({ question: `How do I return ${topic} mats?`, status: 'suggested' });
      const archived = await newFaq({ question: `How do I return ${topic} covers?`, status: 'archived' });
      expect((await match(`return ${topic} mats`)).data.map((hit) => hit.faq.id)).not.toContain(suggested.id);
      expect((await match(`return ${topic} covers`)).data.map((hit) => hit.faq.id)).not.toContain(archived.id);
      await send('PATCH', `/faqs/${suggested.id}`, { status: 'active' });
      expect((await match(`retrn ${topic} mats`)).data[0].faq.id).toBe(suggested.id);
      await send('PATCH', `/faqs/${delivery.id}`, { status: 'archived' });
      expect((await match('delivry time?')).data.map((hit) => hit.faq.id)).not.toContain(delivery.id);
      await send('PATCH', `/faqs/${delivery.id}`, { status: 'active' });
    });
  });
});
