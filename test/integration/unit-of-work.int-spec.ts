import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { newId, OutboxMessage, SystemUnitOfWork, UnitOfWork } from '@saler/platform';
import { CreateNoteCommand, ListNotesQuery, NoteCreated, NotesModule } from '../support/notes/notes';
import { Note } from '../support/notes/note.entity';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(30_000);


/** The handler-level suite of the unit of work; runs on PostgreSQL (as saler_app) and on SQLite. */
describe(`unit of work (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let uow: UnitOfWork;
  let commands: CommandBus;
  let queries: QueryBus;
  const tenantA = newId();
  const tenantB = newId();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [NotesModule] });
    uow = app.get(UnitOfWork);
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const outboxRows = () => app.get(SystemUnitOfWork).run((manager) => manager.getRepository(OutboxMessage).find());

  it('a command writes its row and its outbox event in one transaction', async () => {
    const note = await commands.execute(new CreateNoteCommand(contextOf(tenantA), 'hello'));
    const rows = await outboxRows();
    const event = rows.find((row) => (row.payload as { noteId?: string }).noteId === note.id);
    expect(event).toMatchObject({ tenantId: tenantA, type: NoteCreated.type, actorType: 'system', publishedAt: null });
    expect(await queries.execute(new ListNotesQuery(contextOf(tenantA)))).toEqual([expect.objectContaining({ id: note.id, body: 'hello' })]);
  });

  it('a rolled-back unit of work leaves neither its rows nor its outbox events', async () => {
    const before = (await outboxRows()).length;
    const failing = uow.run(contextOf(tenantA), async (tx) => {
      await tx.repository(Note).insert({ id: newId(), body: 'doomed', relayedAt: null, createdAt: new Date() });
      tx.publish(new NoteCreated(tx.context, { noteId: 'doomed' }));
      throw new Error('business rule broken');
    });
    await expect(failing).rejects.toThrow('business rule broken');
    expect((await outboxRows()).length).toBe(before);
    const bodies = (await queries.execute(new ListNotesQuery(contextOf(tenantA)))).map((note: { body: string }) => note.body);
    expect(bodies).not.toContain('doomed');
  });

  it('flushOutbox writes the events so far with rows alongside; the unit of work writes the later ones', async () => {
    const note = { id: newId(), body: 'with its event', relayedAt: null, createdAt: new Date() };
    await uow.run(contextOf(tenantA), async (tx) => {
      tx.publish(new NoteCreated(tx.context, { noteId: note.id }));
      await tx.flushOutbox(tx.repository(Note).rows([note]));
      expect(await tx.repository(Note).count({ id: note.id })).toBe(1);
      expect(tx.eventsWritten).toBe(1);
      tx.publish(new NoteCreated(tx.context, { noteId: `${note.id}-later` }));
    });
    const noteIds = (await outboxRows()).map((row) => (row.payload as { noteId?: string }).noteId);
    expect(noteIds.filter((id) => id?.startsWith(note.id)).sort()).toEqual([note.id, `${note.id}-later`]);

    const doomed = { id: newId(), body: 'doomed with its event', relayedAt: null, createdAt: new Date() };
    const failing = uow.run(contextOf(tenantA), async (tx) => {
      tx.publish(new NoteCreated(tx.context, { noteId: doomed.id }));
      await tx.flushOutbox(tx.repository(Note).rows([doomed]));
      throw new Error('after the flush');
    });
    await expect(failing).rejects.toThrow('after the flush');
    expect((await outboxRows()).some((row) => (row.payload as { noteId?: string }).noteId === doomed.id)).toBe(false);
    expect(await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).count({ id: doomed.id }))).toBe(0);
  });

  it('repositories are scoped to the tenant of the unit of work', async () => {
    await commands.execute(new CreateNoteCommand(contextOf(tenantB), 'b-only'));
    const seenByA = await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).find());
    expect(seenByA.every((note) => note.tenantId === tenantA)).toBe(true);
    const bNote = (await uow.run(contextOf(tenantB), (tx) => tx.repository(Note).find()))[0];
    expect(await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).findOne({ id: bNote.id }))).toBeNull();
    expect(await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).update({ id: bNote.id }, { body: 'hijacked' }))).toBe(0);
    expect(await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).delete({ id: bNote.id }))).toBe(0);
    expect(await uow.run(contextOf(tenantB), (tx) => tx.repository(Note).findOne({ id: bNote.id }))).toMatchObject({ body: 'b-only' });
  });

  it('updateEach gives each row its own values, only where the condition holds and only in its tenant', async () => {
    const at = (second: number) => new Date(Date.UTC(2026, 10, 27, 12, 0, second, 250));
    const [one, two, three] = await uow.run(contextOf(tenantA), async (tx) => {
      const rows = ['one', 'two', 'three'].map((body) => ({ id: newId(), body, relayedAt: null, createdAt: at(0) }));
      await tx.repository(Note).insert(rows);
      return rows;
    });
    const other = await commands.execute(new CreateNoteCommand(contextOf(tenantB), 'of B'));
    const changed = await uow.run(contextOf(tenantA), (tx) =>
      tx.repository(Note).updateEach(
        [
          { id: one.id, body: "one's new body, with a quote ' and a comma,", relayedAt: at(1) },
          { id: two.id, body: 'two', relayedAt: null },
          { id: three.id, body: 'three again', relayedAt: at(3) },
          { id: other.id, body: 'hijacked', relayedAt: at(4) },
        ],
        ['body', 'relayedAt'],
        { createdAt: at(0) },
      ),
    );
    expect(changed).toBe(3);
    const byId = new Map((await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).find())).map((note) => [note.id, note]));
    expect(byId.get(one.id)).toMatchObject({ body: "one's new body, with a quote ' and a comma,", relayedAt: at(1) });
    expect(byId.get(two.id)).toMatchObject({ body: 'two', relayedAt: null });
    expect(byId.get(three.id)).toMatchObject({ body: 'three again', relayedAt: at(3) });
    expect(await uow.run(contextOf(tenantB), (tx) => tx.repository(Note).findOne({ id: other.id }))).toMatchObject({ body: 'of B', relayedAt: null });
    // A row the condition excludes is left alone.
    expect(await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).updateEach([{ id: two.id, body: 'too late', relayedAt: null }], ['body', 'relayedAt'], { createdAt: at(9) }))).toBe(0);
    expect(await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).findOne({ id: two.id }))).toMatchObject({ body: 'two' });
  });

  it('insertEachIfAbsent with onlyIf inserts in the same statement only while that row of the tenant holds its values, and tells a failed condition from duplicates', async () => {
    const note = (body: string) => ({ id: newId(), body, relayedAt: null, createdAt: new Date() });
    const anchor = note('v1');
    const [first, second, third, refused] = [note('first'), note('second'), note('third'), note('refused')];
    await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).insert(anchor));
    const insertIn = (tenantId: string, rows: ReturnType<typeof note>[], where: Partial<Note>) =>
      uow.run(contextOf(tenantId), (tx) => tx.repository(Note).insertEachIfAbsent(rows, tx.repository(Note).whereExists({ id: anchor.id, ...where })));

    expect(await insertIn(tenantA, [first, second], { body: 'v1', relayedAt: null })).toEqual([true, true]);
    expect(await insertIn(tenantA, [first, third], { body: 'v1' })).toEqual([false, true]);
    expect(await insertIn(tenantA, [first, second], { body: 'v1' })).toEqual([false, false]);
    expect(await insertIn(tenantA, [], { body: 'v1' })).toEqual([]);
    // Another value, or another tenant's unit of work: nothing inserted, and null.
    expect(await insertIn(tenantA, [refused], { body: 'v2' })).toBeNull();
    expect(await insertIn(tenantA, [first, refused], { body: 'v2' })).toBeNull();
    expect(await insertIn(tenantA, [], { body: 'v2' })).toBeNull();
    expect(await insertIn(tenantB, [refused], { body: 'v1' })).toBeNull();
    const bodies = async (tenantId: string) => (await uow.run(contextOf(tenantId), (tx) => tx.repository(Note).find())).map((row) => row.body);
    expect((await bodies(tenantA)).filter((body) => ['first', 'second', 'third', 'refused'].includes(body)).sort()).toEqual(['first', 'second', 'third']);
    expect(await bodies(tenantB)).not.toContain('refused');

    const ended = await uow.run(contextOf(tenantA), async (tx) => tx.repository(Note).whereExists({ id: anchor.id }));
    await expect(uow.run(contextOf(tenantA), (tx) => tx.repository(Note).insertEachIfAbsent([refused], ended))).rejects.toThrow('insertEachIfAbsent: a condition of another unit of work');
  });

  it('refuses to write a row of another tenant through the repository', async () => {
    const attempt = uow.run(contextOf(tenantA), (tx) => tx.repository(Note).insert({ tenantId: tenantB, id: newId(), body: 'x', relayedAt: null, createdAt: new Date() }));
    await expect(attempt).rejects.toThrow(/Refusing to write a row of tenant/);
  });

  it('refuses to publish an event of another tenant', async () => {
    const attempt = uow.run(contextOf(tenantA), async (tx) => tx.publish(new NoteCreated(contextOf(tenantB), { noteId: 'x' })));
    await expect(attempt).rejects.toThrow(/published in a unit of work of/);
  });

  it('a nested unit of work of the same tenant joins the outer transaction', async () => {
    const id = newId();
    const failing = uow.run(contextOf(tenantA), async (outer) => {
      await uow.run(contextOf(tenantA), (inner) => inner.repository(Note).insert({ id, body: 'inner', relayedAt: null, createdAt: new Date() }));
      expect(await outer.repository(Note).findOne({ id })).not.toBeNull();
      throw new Error('roll back both');
    });
    await expect(failing).rejects.toThrow('roll back both');
    expect(await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).findOne({ id }))).toBeNull();
  });

  it('refuses to nest a unit of work of another tenant', async () => {
    const attempt = uow.run(contextOf(tenantA), () => uow.run(contextOf(tenantB), async () => 'never'));
    await expect(attempt).rejects.toThrow(/cannot nest inside one of tenant/);
  });

  it.each(['', 'not-a-uuid', "'; DROP TABLE notes; --"])('refuses a unit of work for tenant id %j', async (tenantId) => {
    await expect(uow.run(contextOf(tenantId), async () => 'never')).rejects.toThrow(/needs a tenant id/);
  });

  it('serves concurrent units of work of two tenants without mixing them', async () => {
    const work = Array.from({ length: 100 }, (_, i) => {
      const tenantId = i % 2 === 0 ? tenantA : tenantB;
      return commands.execute(new CreateNoteCommand(contextOf(tenantId), `concurrent-${i}`)).then(() => tenantId);
    });
    await Promise.all(work);
    for (const tenantId of [tenantA, tenantB]) {
      const notes = await uow.run(contextOf(tenantId), (tx) => tx.repository(Note).find({ take: 1000 }));
      expect(notes.every((note) => note.tenantId === tenantId)).toBe(true);
      expect(notes.filter((note) => note.body.startsWith('concurrent-')).length).toBe(50);
    }
  });
});
