import { Client } from 'pg';
import { json, Problem } from '../support/http';
import { freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(90_000);

interface Session {
  accessToken: string;
  user: { id: string; email: string };
  tenant: { id: string; slug: string; role: string };
}

interface TaskBody {
  id: string;
  title: string;
  leadId: string | null;
  dueAt: string;
  assigneeId: string | null;
  status: 'open' | 'done';
  reminderOffsetMinutes: number | null;
  reminderAt: string | null;
  remindedAt: string | null;
  completedAt: string | null;
  version: number;
}

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface ReminderRow {
  occurred_at: Date;
  payload: { taskId: string; dueAt: string; assigneeId: string | null };
}

const PASSWORD = 'correct horse battery staple';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inSeconds = (seconds: number, from = Date.now()) => new Date(from + seconds * 1000).toISOString();

/** Tasks and their reminders, black box on PostgreSQL as saler_app, inline queue (api only). */
describe('tasks (black box, PostgreSQL, inline queue)', () => {
  let api: RunningProcess;
  let base: string;
  let db: TestDatabase;
  let owner: Session;
  let manager: Session;
  let agent: Session;
  let otherAgent: Session;
  let viewer: Session;
  let leadId: string;

  const call = (method: string, path: string, token: string | undefined, body?: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const register = (slug: string, email: string) => json<Session>(call('POST', '/auth/register', undefined, { tenantName: slug, tenantSlug: slug, email, password: PASSWORD, name: 'Owner' }));
  const join = async (by: Session, email: string, role: string): Promise<Session> => {
    const invitation = await json<{ token: string }>(call('POST', '/invitations', by.accessToken, { email, role }));
    const accepted = await call('POST', '/invitations/accept', undefined, { token: invitation.token, name: role, password: PASSWORD });
    expect(accepted.status).toBe(200);
    return json<Session>(accepted);
  };
  const createTask = async (session: Session, body: Record<string, unknown>): Promise<TaskBody> => {
    const response = await call('POST', '/tasks', session.accessToken, body);
    expect(response.status).toBe(201);
    return json<TaskBody>(response);
  };
  const listTasks = (session: Session, query: string) => json<Page<TaskBody>>(call('GET', `/tasks?${query}`, session.accessToken));
  const findTask = async (session: Session, id: string): Promise<TaskBody | undefined> => {
    let cursor: string | null = null;
    do {
      const page: Page<TaskBody> = await listTasks(session, `limit=200${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
      const found = page.data.find((task) => task.id === id);
      if (found !== undefined) return found;
      cursor = page.nextCursor;
    } while (cursor !== null);
    return undefined;
  };
  /** task.reminder_due rows of a task, read from the outbox as the database owner (no RLS in the way). */
  const reminderRows = async (taskId: string): Promise<ReminderRow[]> => {
    const client = new Client({ connectionString: db.adminUrl });
    await client.connect();
    try {
      const result = await client.query<ReminderRow>(`SELECT occurred_at, payload FROM outbox WHERE type = 'task.reminder_due' AND payload->>'taskId' = $1 ORDER BY occurred_at`, [taskId]);
      return result.rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startProcess({
      entry: { dist: 'apps/api/src/main.js' },
      // The relay runs inside the api on the inline queue, on the system login (as in production).
      env: { DATABASE_URL: db.env.DATABASE_URL, DATABASE_SYSTEM_URL: db.env.DATABASE_SYSTEM_URL, PORT: String(port), HOST: '127.0.0.1', OUTBOX_POLL_INTERVAL_MS: '100' },
    });
    await waitForReady(api, `${base}/health/ready`);
    owner = await register('task-shop', 'owner@tasks.example');
    manager = await join(owner, 'manager@tasks.example', 'manager');
    agent = await join(owner, 'agent@tasks.example', 'agent');
    otherAgent = await join(owner, 'agent2@tasks.example', 'agent');
    viewer = await join(owner, 'viewer@tasks.example', 'viewer');
    const lead = await call('POST', '/leads', owner.accessToken, { title: 'Fleet of vans', contact: { name: 'Ada' } });
    expect(lead.status).toBe(201);
    leadId = (await json<{ id: string }>(lead)).id;
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  describe('POST /tasks', () => {
    it('assigns the task to the caller when no assignee is given', async () => {
      const dueAt = inSeconds(3600);
      const task = await createTask(manager, { title: '  Call back about the quote  ', dueAt });
      expect(task).toMatchObject({
        title: 'Call back about the quote',
        dueAt,
        assigneeId: manager.user.id,
        leadId: null,
        status: 'open',
        reminderOffsetMinutes: null,
        reminderAt: null,
        remindedAt: null,
        completedAt: null,
        version: 1,
      });
      expect(task.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    });

    it('links a lead, and computes reminderAt = dueAt − offset', async () => {
      const dueAt = '2030-05-01T10:00:00.000Z';
      const task = await createTask(manager, { title: 'Send the proposal', dueAt, leadId, assigneeId: agent.user.id, reminderOffsetMinutes: 90 });
      expect(task).toMatchObject({ leadId, assigneeId: agent.user.id, reminderOffsetMinutes: 90, reminderAt: '2030-05-01T08:30:00.000Z' });
    });

    it('answers 404 problem+json for a lead the tenant does not have', async () => {
      const response = await call('POST', '/tasks', manager.accessToken, { title: 'Ghost', dueAt: inSeconds(60), leadId: '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a11' });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await json<Problem>(response)).toMatchObject({ status: 404, type: 'urn:saler:problem:not-found', instance: '/api/v1/tasks' });
    });

    it.each([
      ['a missing title', { dueAt: '2030-01-01T00:00:00Z' }, 'title'],
      ['an empty title', { title: '', dueAt: '2030-01-01T00:00:00Z' }, 'title'],
      ['a dueAt that is not ISO-8601', { title: 'x', dueAt: 'tomorrow' }, 'dueAt'],
      ['an offset above 30 days', { title: 'x', dueAt: '2030-01-01T00:00:00Z', reminderOffsetMinutes: 43_201 }, 'reminderOffsetMinutes'],
      ['a negative offset', { title: 'x', dueAt: '2030-01-01T00:00:00Z', reminderOffsetMinutes: -1 }, 'reminderOffsetMinutes'],
      ['an unknown property', { title: 'x', dueAt: '2030-01-01T00:00:00Z', priority: 'high' }, 'priority'],
    ])('refuses %s with 400 naming the field', async (_case, body, field) => {
      const response = await call('POST', '/tasks', manager.accessToken, body);
      expect(response.status).toBe(400);
      const problem = await json<Problem>(response);
      expect(problem).toMatchObject({ status: 400, type: 'urn:saler:problem:validation' });
      expect(problem.errors?.map((error) => error.field)).toContain(field);
    });

    it('accepts the largest offset (30 days)', async () => {
      const task = await createTask(manager, { title: 'Far away', dueAt: '2031-01-31T00:00:00.000Z', reminderOffsetMinutes: 43_200 });
      expect(task.reminderAt).toBe('2031-01-01T00:00:00.000Z');
    });

    it('answers 422 when the assignee is not a member of the tenant', async () => {
      const stranger = await register('stranger-shop', 'owner@stranger.example');
      const response = await call('POST', '/tasks', manager.accessToken, { title: 'Nope', dueAt: inSeconds(60), assigneeId: stranger.user.id });
      expect(response.status).toBe(422);
      expect(await json<Problem>(response)).toMatchObject({ status: 422, type: 'urn:saler:problem:not-a-member', errors: [{ field: 'assigneeId' }] });
    });
  });

  describe('GET /tasks', () => {
    let listOwner: Session;
    let listAgent: Session;
    let listLead: string;
    const made: Record<string, TaskBody> = {};

    beforeAll(async () => {
      listOwner = await register('list-shop', 'owner@list.example');
      listAgent = await join(listOwner, 'agent@list.example', 'agent');
      listLead = (await json<{ id: string }>(call('POST', '/leads', listOwner.accessToken, { title: 'Listed', contact: { name: 'Bo' } }))).id;
      const now = Date.now();
      made.pastOpen = await createTask(listOwner, { title: 'past open', dueAt: inSeconds(-3600, now), assigneeId: listAgent.user.id });
      made.pastDone = await createTask(listOwner, { title: 'past done', dueAt: inSeconds(-1800, now), leadId: listLead });
      made.soon = await createTask(listOwner, { title: 'soon', dueAt: inSeconds(600, now), leadId: listLead, assigneeId: listAgent.user.id });
      made.later = await createTask(listOwner, { title: 'later', dueAt: inSeconds(7200, now) });
      made.latest = await createTask(listAgent, { title: 'latest', dueAt: inSeconds(86_400, now) });
      expect((await call('POST', `/tasks/${made.pastDone.id}/complete`, listOwner.accessToken)).status).toBe(200);
    });

    it('lists soonest due first', async () => {
      const page = await listTasks(listOwner, '');
      expect(page.data.map((task) => task.title)).toEqual(['past open', 'past done', 'soon', 'later', 'latest']);
      expect(page.nextCursor).toBeNull();
    });

    it('filters by assigneeId=me, by member id, by lead, by status and by overdue', async () => {
      expect((await listTasks(listAgent, 'assigneeId=me')).data.map((task) => task.title)).toEqual(['past open', 'soon', 'latest']);
      expect((await listTasks(listOwner, 'assigneeId=me')).data.map((task) => task.title)).toEqual(['past done', 'later']);
      expect((await listTasks(listOwner, `assigneeId=${listAgent.user.id.toUpperCase()}`)).data.map((task) => task.title)).toEqual(['past open', 'soon', 'latest']);
      expect((await listTasks(listOwner, `leadId=${listLead}`)).data.map((task) => task.title)).toEqual(['past done', 'soon']);
      expect((await listTasks(listOwner, 'status=done')).data.map((task) => task.title)).toEqual(['past done']);
      expect((await listTasks(listOwner, 'status=open')).data.map((task) => task.title)).toEqual(['past open', 'soon', 'later', 'latest']);
      expect((await listTasks(listOwner, 'overdue=true')).data.map((task) => task.title)).toEqual(['past open']);
      expect((await listTasks(listOwner, `overdue=true&leadId=${listLead}`)).data).toEqual([]);
      expect((await listTasks(listOwner, 'overdue=false')).data).toHaveLength(5);
    });

    it('walks every task exactly once with the cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page<TaskBody> = await listTasks(listOwner, `limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
        expect(page.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.data.map((task) => task.title));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(['past open', 'past done', 'soon', 'later', 'latest']);
    });

    it('refuses bad filters (400) and hides other tenants', async () => {
      for (const query of ['status=pending', 'assigneeId=someone', 'overdue=maybe', 'leadId=nope', 'limit=0', 'cursor=garbage']) {
        expect([query, (await call('GET', `/tasks?${query}`, listOwner.accessToken)).status]).toEqual([query, 400]);
      }
      const mine = await listTasks(owner, 'limit=200');
      expect(mine.data.map((task) => task.id)).not.toContain(made.soon.id);
      expect((await call('PATCH', `/tasks/${made.soon.id}`, owner.accessToken, { title: 'hijack' })).status).toBe(404);
      expect((await call('POST', `/tasks/${made.soon.id}/complete`, owner.accessToken)).status).toBe(404);
    });
  });

  describe('PATCH /tasks/{id} and POST /tasks/{id}/complete', () => {
    it('updates fields, moves the reminder with dueAt and bumps the version', async () => {
      const task = await createTask(manager, { title: 'Draft', dueAt: '2030-01-01T12:00:00.000Z', reminderOffsetMinutes: 30 });
      const patched = await call('PATCH', `/tasks/${task.id}`, manager.accessToken, { title: 'Final', dueAt: '2030-01-02T12:00:00.000Z', leadId });
      expect(patched.status).toBe(200);
      expect(await json<TaskBody>(patched)).toMatchObject({ title: 'Final', dueAt: '2030-01-02T12:00:00.000Z', leadId, reminderAt: '2030-01-02T11:30:00.000Z', version: 2 });
      const offset = await json<TaskBody>(call('PATCH', `/tasks/${task.id}`, manager.accessToken, { reminderOffsetMinutes: 60 }));
      expect(offset).toMatchObject({ reminderOffsetMinutes: 60, reminderAt: '2030-01-02T11:00:00.000Z', version: 3 });
      const removed = await json<TaskBody>(call('PATCH', `/tasks/${task.id}`, manager.accessToken, { reminderOffsetMinutes: null }));
      expect(removed).toMatchObject({ reminderOffsetMinutes: null, reminderAt: null, version: 4 });
      expect((await call('PATCH', `/tasks/${task.id}`, manager.accessToken, { status: 'done' })).status).toBe(400);
      expect((await call('PATCH', `/tasks/${task.id}`, manager.accessToken, { dueAt: 'soon' })).status).toBe(400);
      expect((await call('PATCH', `/tasks/${task.id}`, manager.accessToken, { leadId: '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a11' })).status).toBe(404);
      expect((await call('PATCH', '/tasks/0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a11', manager.accessToken, { title: 'x' })).status).toBe(404);
      expect((await call('PATCH', '/tasks/not-a-uuid', manager.accessToken, { title: 'x' })).status).toBe(400);
    });

    it('completes a task; a second complete changes nothing', async () => {
      const task = await createTask(manager, { title: 'Complete me', dueAt: inSeconds(3600) });
      const first = await call('POST', `/tasks/${task.id}/complete`, manager.accessToken);
      expect(first.status).toBe(200);
      const done = await json<TaskBody>(first);
      expect(done).toMatchObject({ id: task.id, status: 'done', completedAt: expect.any(String), version: 2 });
      const second = await call('POST', `/tasks/${task.id}/complete`, manager.accessToken);
      expect(second.status).toBe(200);
      expect(await json<TaskBody>(second)).toEqual(done);
      expect((await call('POST', '/tasks/0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a11/complete', manager.accessToken)).status).toBe(404);
    });
  });

  describe('roles', () => {
    it('successful- agent creates a task for themself and completes it', async () => {
      const task = await createTask(agent, { title: 'My own call', dueAt: inSeconds(3600) });
      expect(task.assigneeId).toBe(agent.user.id);
      const explicit = await createTask(agent, { title: 'Also mine', dueAt: inSeconds(3600), assigneeId: agent.user.id });
      expect(explicit.assigneeId).toBe(agent.user.id);
      const patched = await call('PATCH', `/tasks/${task.id}`, agent.accessToken, { title: 'My own call, moved', dueAt: inSeconds(7200) });
      expect(patched.status).toBe(200);
      const completed = await call('POST', `/tasks/${task.id}/complete`, agent.accessToken);
      expect(completed.status).toBe(200);
      expect(await json<TaskBody>(completed)).toMatchObject({ status: 'done' });
    });

    it('failing- agent may not create a task for another member (403)', async () => {
      const response = await call('POST', '/tasks', agent.accessToken, { title: 'For someone else', dueAt: inSeconds(3600), assigneeId: otherAgent.user.id });
      expect(response.status).toBe(403);
      expect(await json<Problem>(response)).toMatchObject({ status: 403, type: 'urn:saler:problem:forbidden' });
    });

    it("failing- agent may not change or complete another member's task (403), nor hand their own away", async () => {
      const theirs = await createTask(manager, { title: 'Not yours', dueAt: inSeconds(3600), assigneeId: otherAgent.user.id });
      expect((await call('PATCH', `/tasks/${theirs.id}`, agent.accessToken, { title: 'Mine now' })).status).toBe(403);
      expect((await call('PATCH', `/tasks/${theirs.id}`, agent.accessToken, { assigneeId: agent.user.id })).status).toBe(403);
      expect((await call('POST', `/tasks/${theirs.id}/complete`, agent.accessToken)).status).toBe(403);
      const mine = await createTask(agent, { title: 'Mine', dueAt: inSeconds(3600) });
      expect((await call('PATCH', `/tasks/${mine.id}`, agent.accessToken, { assigneeId: otherAgent.user.id })).status).toBe(403);
      expect((await findTask(manager, theirs.id))?.title).toBe('Not yours');
      expect((await findTask(manager, theirs.id))?.status).toBe('open');
    });

    it('failing- viewer may read but not create, change or complete tasks (403)', async () => {
      expect((await call('GET', '/tasks', viewer.accessToken)).status).toBe(200);
      expect((await call('POST', '/tasks', viewer.accessToken, { title: 'Viewer task', dueAt: inSeconds(3600) })).status).toBe(403);
      const task = await createTask(manager, { title: 'Viewer looks', dueAt: inSeconds(3600), assigneeId: viewer.user.id });
      expect((await call('PATCH', `/tasks/${task.id}`, viewer.accessToken, { title: 'x' })).status).toBe(403);
      expect((await call('POST', `/tasks/${task.id}/complete`, viewer.accessToken)).status).toBe(403);
      expect((await call('GET', '/tasks', undefined)).status).toBe(401);
    });

    it("successful- manager changes, reassigns and completes anyone's task", async () => {
      const agentsTask = await createTask(agent, { title: 'Agent task', dueAt: inSeconds(3600) });
      const patched = await call('PATCH', `/tasks/${agentsTask.id}`, manager.accessToken, { title: 'Manager edited', assigneeId: otherAgent.user.id });
      expect(patched.status).toBe(200);
      expect(await json<TaskBody>(patched)).toMatchObject({ title: 'Manager edited', assigneeId: otherAgent.user.id });
      const completed = await call('POST', `/tasks/${agentsTask.id}/complete`, manager.accessToken);
      expect(completed.status).toBe(200);
      expect(await json<TaskBody>(completed)).toMatchObject({ status: 'done' });
      const forAgent = await createTask(manager, { title: 'For the agent', dueAt: inSeconds(3600), assigneeId: agent.user.id });
      expect((await call('PATCH', `/tasks/${forAgent.id}`, agent.accessToken, { title: 'Agent may edit what is theirs' })).status).toBe(200);
    });
  });

  describe('reminders (acceptance)', () => {
    it('fires the reminder of a task edited twice exactly once, at the final time; never for a completed task or a removed reminder', async () => {
      const t0 = Date.now();
      const edited = await createTask(manager, { title: 'Edited twice', dueAt: inSeconds(3, t0), reminderOffsetMinutes: 0 });
      expect(edited.reminderAt).toBe(edited.dueAt);
      const completed = await createTask(manager, { title: 'Done before the reminder', dueAt: inSeconds(4, t0), reminderOffsetMinutes: 0 });
      const removed = await createTask(manager, { title: 'Reminder removed', dueAt: inSeconds(4, t0), reminderOffsetMinutes: 0 });

      const moved = await json<TaskBody>(call('PATCH', `/tasks/${edited.id}`, manager.accessToken, { dueAt: inSeconds(5, t0) }));
      expect(moved.reminderAt).toBe(inSeconds(5, t0));
      const finalDue = inSeconds(7, t0);
      const last = await json<TaskBody>(call('PATCH', `/tasks/${edited.id}`, manager.accessToken, { dueAt: finalDue }));
      expect(last).toMatchObject({ dueAt: finalDue, reminderAt: finalDue, remindedAt: null });
      expect((await call('POST', `/tasks/${completed.id}/complete`, manager.accessToken)).status).toBe(200);
      const unset = await json<TaskBody>(call('PATCH', `/tasks/${removed.id}`, manager.accessToken, { reminderOffsetMinutes: null }));
      expect(unset).toMatchObject({ reminderOffsetMinutes: null, reminderAt: null });
      expect(Date.now() - t0).toBeLessThan(2500);

      // Past the first two reminder times: nothing yet.
      await sleep(t0 + 6000 - Date.now());
      expect(await reminderRows(edited.id)).toEqual([]);

      await sleep(t0 + 10_000 - Date.now());
      const rows = await reminderRows(edited.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].occurred_at.getTime()).toBeGreaterThanOrEqual(Date.parse(finalDue));
      expect(rows[0].payload).toMatchObject({ taskId: edited.id, dueAt: finalDue, assigneeId: manager.user.id });
      const after = await findTask(manager, edited.id);
      expect(after?.remindedAt).not.toBeNull();
      expect(Date.parse(after?.remindedAt as string)).toBeGreaterThanOrEqual(Date.parse(finalDue));

      expect(await reminderRows(completed.id)).toEqual([]);
      expect((await findTask(manager, completed.id))?.remindedAt).toBeNull();
      expect(await reminderRows(removed.id)).toEqual([]);
      expect((await findTask(manager, removed.id))?.remindedAt).toBeNull();
    });
  });
});
