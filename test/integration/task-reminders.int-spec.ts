import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { newId, OutboxMessage, SystemUnitOfWork, TenantContext, UnitOfWork } from '@saler/platform';
import type { Caller } from '@saler/platform';
import { CompleteTaskCommand } from '../../libs/crm/src/commands/complete-task/complete-task.command';
import { CreateTaskCommand } from '../../libs/crm/src/commands/create-task/create-task.command';
import { FireTaskReminderCommand } from '../../libs/crm/src/commands/fire-task-reminder/fire-task-reminder.command';
import { SweepDueRemindersCommand } from '../../libs/crm/src/commands/sweep-due-reminders/sweep-due-reminders.command';
import { TaskView } from '../../libs/crm/src/commands/task.view';
import { UpdateTaskCommand } from '../../libs/crm/src/commands/update-task/update-task.command';
import { CrmModule } from '../../libs/crm/src/crm.module';
import { Task } from '../../libs/crm/src/domain/task.entity';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

/** An owner acting without a user (system work): no assignee check reaches identity. */
const OWNER: Caller = { role: 'owner', userId: null };
const MINUTE = 60_000;

/** FireTaskReminderCommand and SweepDueRemindersCommand at handler level; PostgreSQL (as saler_app) and SQLite. */
describe(`task reminders (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let commands: CommandBus;
  const tenantA = newId();
  const tenantB = newId();

  beforeAll(async () => {
    db = await createTestDatabase();
    // No job modules: nothing schedules or fires a reminder except the commands under test.
    app = await createTestApp(db, { modules: [CrmModule] });
    commands = app.get(CommandBus);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const createTask = (context: TenantContext, title: string, dueAt: Date, reminderOffsetMinutes?: number | null): Promise<TaskView> =>
    commands.execute(new CreateTaskCommand(context, OWNER, { title, dueAt: dueAt.toISOString(), ...(reminderOffsetMinutes === undefined || reminderOffsetMinutes === null ? {} : { reminderOffsetMinutes }) }));
  const fire = (context: TenantContext, taskId: string, reminderAt: Date | string): Promise<boolean> =>
    commands.execute(new FireTaskReminderCommand(context, taskId, new Date(reminderAt)));
  const reminderEvents = async (taskId?: string): Promise<OutboxMessage[]> => {
    const rows = await app.get(SystemUnitOfWork).run((manager) => manager.getRepository(OutboxMessage).find({ where: { type: 'task.reminder_due' } }));
    return rows.filter((row) => taskId === undefined || (row.payload as { taskId: string }).taskId === taskId);
  };
  const loadTask = (tenantId: string, id: string) => app.get(UnitOfWork).run(contextOf(tenantId), (tx) => tx.repository(Task).findOne({ id }));

  describe('FireTaskReminderCommand', () => {
    it('fires once: the first call returns true and writes one task.reminder_due; later calls return false', async () => {
      const context = contextOf(tenantA);
      const task = await createTask(context, 'Fire me', new Date(Date.now() - MINUTE), 0);
      expect(task.reminderAt).toBe(task.dueAt);
      expect(await fire(context, task.id, task.reminderAt as string)).toBe(true);
      expect(await fire(context, task.id, task.reminderAt as string)).toBe(false);
      const events = await reminderEvents(task.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ tenantId: tenantA, publishedAt: null, payload: { taskId: task.id, title: 'Fire me', leadId: null, assigneeId: null, dueAt: task.dueAt } });
      expect((await loadTask(tenantA, task.id))?.remindedAt).toBeInstanceOf(Date);
    });

    it('fires once when many jobs race for the same reminder', async () => {
      const context = contextOf(tenantA);
      const task = await createTask(context, 'Raced', new Date(Date.now() - 2 * MINUTE), 1);
      const results = await Promise.all(Array.from({ length: 6 }, () => fire(contextOf(tenantA), task.id, task.reminderAt as string)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await reminderEvents(task.id)).toHaveLength(1);
    });

    it('does nothing for a stale reminderAt (the task was rescheduled)', async () => {
      const context = contextOf(tenantA);
      const task = await createTask(context, 'Moved', new Date(Date.now() - MINUTE), 0);
      const moved: TaskView = await commands.execute(new UpdateTaskCommand(context, OWNER, task.id, { dueAt: new Date(Date.now() + 60 * MINUTE).toISOString() }));
      expect(moved.reminderAt).not.toBe(task.reminderAt);
      expect(await fire(context, task.id, task.reminderAt as string)).toBe(false);
      expect(await fire(context, task.id, new Date(Date.parse(task.reminderAt as string) + 1))).toBe(false);
      expect(await reminderEvents(task.id)).toEqual([]);
      expect((await loadTask(tenantA, task.id))?.remindedAt).toBeNull();
    });

    it('does nothing for a done task', async () => {
      const context = contextOf(tenantA);
      const task = await createTask(context, 'Already done', new Date(Date.now() - MINUTE), 0);
      await commands.execute(new CompleteTaskCommand(context, OWNER, task.id));
      expect(await fire(context, task.id, task.reminderAt as string)).toBe(false);
      expect(await reminderEvents(task.id)).toEqual([]);
    });

    it("does nothing for another tenant's task, or a task without a reminder", async () => {
      const task = await createTask(contextOf(tenantA), 'Not theirs', new Date(Date.now() + 90 * MINUTE), 0);
      expect(await fire(contextOf(tenantB), task.id, task.reminderAt as string)).toBe(false);
      const silent = await createTask(contextOf(tenantA), 'No reminder', new Date(Date.now() - MINUTE), null);
      expect(silent.reminderAt).toBeNull();
      expect(await fire(contextOf(tenantA), silent.id, silent.dueAt)).toBe(false);
      expect(await reminderEvents(task.id)).toEqual([]);
      expect(await reminderEvents(silent.id)).toEqual([]);
    });

    it('fires again for a new reminder time after the old one fired', async () => {
      const context = contextOf(tenantA);
      const task = await createTask(context, 'Twice on purpose', new Date(Date.now() - 2 * MINUTE), 0);
      expect(await fire(context, task.id, task.reminderAt as string)).toBe(true);
      const moved: TaskView = await commands.execute(new UpdateTaskCommand(context, OWNER, task.id, { dueAt: new Date(Date.now() - MINUTE).toISOString() }));
      expect(moved.remindedAt).toBeNull();
      expect(await fire(context, task.id, task.reminderAt as string)).toBe(false);
      expect(await fire(context, task.id, moved.reminderAt as string)).toBe(true);
      expect(await reminderEvents(task.id)).toHaveLength(2);
    });
  });

  describe('SweepDueRemindersCommand', () => {
    it('fires only due, open, not-yet-reminded tasks across tenants; a second sweep fires nothing', async () => {
      const tenantC = newId();
      const tenantD = newId();
      const now = Date.now();
      const dueC = await createTask(contextOf(tenantC), 'due in C', new Date(now - 10 * MINUTE), 5);
      const dueD = await createTask(contextOf(tenantD), 'due in D', new Date(now + MINUTE), 2);
      const future = await createTask(contextOf(tenantC), 'future in C', new Date(now + 30 * MINUTE), 5);
      const done = await createTask(contextOf(tenantD), 'done in D', new Date(now - 5 * MINUTE), 0);
      await commands.execute(new CompleteTaskCommand(contextOf(tenantD), OWNER, done.id));
      const reminded = await createTask(contextOf(tenantD), 'already reminded in D', new Date(now - 5 * MINUTE), 0);
      expect(await fire(contextOf(tenantD), reminded.id, reminded.reminderAt as string)).toBe(true);
      const silent = await createTask(contextOf(tenantC), 'no reminder in C', new Date(now - 5 * MINUTE), null);
      const before = (await reminderEvents()).length;

      const fired = await commands.execute(new SweepDueRemindersCommand(new Date(now), newId()));
      expect(fired).toBe(2);
      const events = await reminderEvents();
      expect(events).toHaveLength(before + 2);
      expect((await reminderEvents(dueC.id)).map((event) => event.tenantId)).toEqual([tenantC]);
      expect((await reminderEvents(dueD.id)).map((event) => event.tenantId)).toEqual([tenantD]);
      for (const id of [future.id, done.id, silent.id]) expect(await reminderEvents(id)).toEqual([]);
      expect(await reminderEvents(reminded.id)).toHaveLength(1);
      expect((await loadTask(tenantC, dueC.id))?.remindedAt).toBeInstanceOf(Date);
      expect((await loadTask(tenantD, dueD.id))?.remindedAt).toBeInstanceOf(Date);

      expect(await commands.execute(new SweepDueRemindersCommand(new Date(now), newId()))).toBe(0);
      expect(await reminderEvents()).toHaveLength(before + 2);
    });
  });
});
