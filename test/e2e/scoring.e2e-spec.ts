import { json, Problem } from '../support/http';
import { eventually, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(90_000);

interface Session {
  accessToken: string;
  user: { id: string };
}

interface Signal {
  type: string;
  weight?: number;
  min?: number;
  perDay?: number;
  max?: number;
}

interface RulesBody {
  signals: Signal[];
  version: number;
  updatedAt: string | null;
}

interface LeadBody {
  id: string;
  title: string;
  stageId: string;
  score: number;
}

interface PipelineList {
  data: { id: string; isDefault: boolean; stages: { id: string; name: string; probability: number }[] }[];
}

const PASSWORD = 'correct horse battery staple';

/** The defaults of libs/crm/src/domain/lead-scoring.ts, as the API shows them. */
const DEFAULT_SIGNALS: Signal[] = [
  { type: 'has_email', weight: 15 },
  { type: 'has_phone', weight: 15 },
  { type: 'inbound_messages', min: 3, weight: 20 },
  { type: 'quote_requested', weight: 25 },
  { type: 'stage_probability', weight: 25 },
  { type: 'inactivity_decay', perDay: 2, max: 30 },
];

/** Lead scoring rules and scores, black box on PostgreSQL as saler_app, inline queue (api only). */
describe('lead scoring (black box, PostgreSQL, inline queue)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;
  let manager: Session;
  let agent: Session;
  let viewer: Session;
  let full: LeadBody;
  let nameOnly: LeadBody;

  const call = (method: string, path: string, token: string | undefined, body?: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const join = async (email: string, role: string): Promise<Session> => {
    const invitation = await json<{ token: string }>(call('POST', '/invitations', owner.accessToken, { email, role }));
    return json<Session>(call('POST', '/invitations/accept', undefined, { token: invitation.token, name: role, password: PASSWORD }));
  };
  const putRules = (signals: unknown[], token = manager.accessToken) => call('PUT', '/scoring-rules', token, { signals });
  const score = async (id: string) => (await json<LeadBody>(call('GET', `/leads/${id}`, manager.accessToken))).score;
  /** Scoring runs in a debounced background job: poll until the score settles on the expected value. */
  const scoreBecomes = (id: string, expected: number) =>
    eventually(
      () => score(id),
      (value) => value === expected,
      10_000,
    );
  const createLead = async (body: Record<string, unknown>): Promise<LeadBody> => {
    const response = await call('POST', '/leads', manager.accessToken, body);
    expect(response.status).toBe(201);
    return json<LeadBody>(response);
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({
      entry: { dist: 'apps/api/src/main.js' },
      env: { DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL, PORT: String(port), HOST: '127.0.0.1', OUTBOX_POLL_INTERVAL_MS: '100' },
    });
    await waitForReady(api, `${base}/health/ready`);
    owner = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Scores', tenantSlug: 'score-shop', email: 'owner@score.example', password: PASSWORD, name: 'Owner' }));
    manager = await join('manager@score.example', 'manager');
    agent = await join('agent@score.example', 'agent');
    viewer = await join('viewer@score.example', 'viewer');
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  describe('GET and PUT /scoring-rules', () => {
    it('shows a manager the defaults every tenant starts with (version 1)', async () => {
      const response = await call('GET', '/scoring-rules', manager.accessToken);
      expect(response.status).toBe(200);
      expect(await json<RulesBody>(response)).toEqual({ signals: DEFAULT_SIGNALS, version: 1, updatedAt: expect.any(String) });
    });

    it('failing- agents and viewers may neither read nor replace the rules (403)', async () => {
      for (const session of [agent, viewer]) {
        expect((await call('GET', '/scoring-rules', session.accessToken)).status).toBe(403);
        expect((await putRules([{ type: 'has_email', weight: 10 }], session.accessToken)).status).toBe(403);
      }
      expect((await call('GET', '/scoring-rules', undefined)).status).toBe(401);
      expect(await json<RulesBody>(call('GET', '/scoring-rules', manager.accessToken))).toMatchObject({ version: 1 });
    });

    it.each([
      ['an unknown signal type', [{ type: 'has_fax', weight: 5 }], 'signals.0.type'],
      ['inbound_messages without min', [{ type: 'has_email', weight: 5 }, { type: 'inbound_messages', weight: 20 }], 'signals.1.min'],
      ['inactivity_decay without max', [{ type: 'inactivity_decay', perDay: 2 }], 'signals.0.max'],
      ['a field the type does not take', [{ type: 'has_email', weight: 5, min: 3 }], 'signals.0.min'],
      ['a weight above 100', [{ type: 'has_phone', weight: 101 }], 'signals.0.weight'],
      ['an unknown property on a signal', [{ type: 'has_email', weight: 5, bonus: 1 }], 'signals.0.bonus'],
    ])('refuses %s with 400 naming the field', async (_case, signals, field) => {
      const response = await putRules(signals);
      expect(response.status).toBe(400);
      const problem = await json<Problem>(response);
      expect(problem).toMatchObject({ status: 400, type: 'urn:saler:problem:validation' });
      expect(problem.errors?.map((error) => error.field)).toContain(field);
    });

    it('refuses a stray top-level property and a body without signals (400)', async () => {
      expect((await call('PUT', '/scoring-rules', manager.accessToken, { signals: [], mode: 'sum' })).status).toBe(400);
      expect((await call('PUT', '/scoring-rules', manager.accessToken, {})).status).toBe(400);
      expect(await json<RulesBody>(call('GET', '/scoring-rules', manager.accessToken))).toMatchObject({ version: 1 });
    });

    it("applies concurrent replacements of a tenant's rules one after another: no 5xx, no lost version", async () => {
      const other = await json<Session>(call('POST', '/auth/register', undefined, { tenantName: 'Racers', tenantSlug: 'race-shop', email: 'owner@race.example', password: PASSWORD, name: 'Racer' }));
      const responses = await Promise.all([5, 10, 15, 20, 25, 30].map((weight) => putRules([{ type: 'has_email', weight }], other.accessToken)));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const bodies = await Promise.all(responses.map((response) => json<RulesBody>(response)));
      expect(bodies.map((body) => body.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
      const final = await json<RulesBody>(call('GET', '/scoring-rules', other.accessToken));
      expect(final).toEqual(bodies.find((body) => body.version === 7));
    });
  });

  describe('scores', () => {
    it('scores a new lead with the defaults: email 15 + phone 15 + round(25 × 10 / 100) = 33', async () => {
      full = await createLead({ title: 'Fleet of vans', contact: { name: 'Ada', email: 'ada@score.example', phone: '+14155552671' } });
      nameOnly = await createLead({ title: 'Just a name', contact: { name: 'Bo' } });
      expect(await scoreBecomes(full.id, 33)).toBe(33);
      // 25 × 10 / 100 = 2.5, rounded half up.
      expect(await scoreBecomes(nameOnly.id, 3)).toBe(3);
    });

    it('rescores when the lead moves to Proposal (70 %): 15 + 15 + round(17.5) = 48', async () => {
      const pipelines = await json<PipelineList>(call('GET', '/pipelines', manager.accessToken));
      const proposal = pipelines.data.find((pipeline) => pipeline.isDefault)?.stages.find((stage) => stage.name === 'Proposal');
      expect(proposal).toMatchObject({ probability: 70 });
      const moved = await call('POST', `/leads/${full.id}/stage`, manager.accessToken, { stageId: proposal?.id });
      expect(moved.status).toBe(200);
      expect(await scoreBecomes(full.id, 48)).toBe(48);
    });

    it('rescores every lead of the tenant when the rules are replaced', async () => {
      const response = await putRules([{ type: 'has_email', weight: 60 }]);
      expect(response.status).toBe(200);
      const rules = await json<RulesBody>(response);
      expect(rules).toEqual({ signals: [{ type: 'has_email', weight: 60 }], version: 2, updatedAt: expect.any(String) });
      expect(await json<RulesBody>(call('GET', '/scoring-rules', manager.accessToken))).toEqual(rules);
      expect(await scoreBecomes(full.id, 60)).toBe(60);
      expect(await scoreBecomes(nameOnly.id, 0)).toBe(0);
    });

    it('filters by minScore and sorts by score', async () => {
      const third = await createLead({ title: 'Phone only', contact: { name: 'Cy', phone: '+14155550100' } });
      expect((await putRules([{ type: 'has_email', weight: 60 }, { type: 'has_phone', weight: 25 }])).status).toBe(200);
      await scoreBecomes(full.id, 85);
      await scoreBecomes(third.id, 25);
      await scoreBecomes(nameOnly.id, 0);
      const atLeast = await json<{ data: LeadBody[] }>(call('GET', '/leads?minScore=25&sort=-score', manager.accessToken));
      expect(atLeast.data.map((lead) => [lead.title, lead.score])).toEqual([
        ['Fleet of vans', 85],
        ['Phone only', 25],
      ]);
      const ascending = await json<{ data: LeadBody[] }>(call('GET', '/leads?sort=score', manager.accessToken));
      expect(ascending.data.map((lead) => lead.score)).toEqual([0, 25, 85]);
      expect((await json<{ data: LeadBody[] }>(call('GET', '/leads?minScore=86', manager.accessToken))).data).toEqual([]);
      expect((await call('GET', '/leads?minScore=101', manager.accessToken)).status).toBe(400);
      expect((await call('GET', '/leads?sort=-rank', manager.accessToken)).status).toBe(400);
    });

    it('clamps scores to 0–100', async () => {
      expect((await putRules([{ type: 'has_email', weight: 100 }, { type: 'has_phone', weight: 100 }, { type: 'stage_probability', weight: 100 }])).status).toBe(200);
      expect(await scoreBecomes(full.id, 100)).toBe(100);
      expect((await putRules([{ type: 'has_email', weight: -100 }, { type: 'has_phone', weight: -50 }])).status).toBe(200);
      expect(await scoreBecomes(full.id, 0)).toBe(0);
      expect(await scoreBecomes(nameOnly.id, 0)).toBe(0);
      expect(await json<RulesBody>(call('GET', '/scoring-rules', manager.accessToken))).toMatchObject({ version: 5 });
    });
  });
});
