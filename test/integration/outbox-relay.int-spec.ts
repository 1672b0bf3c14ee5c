import { INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DomainEvent, DomainEventType, EventJobRoute, JobHandler, jobContext, JobProcessor, newId, OutboxMessage, OutboxRelay, PurgePublishedOutboxCommand, QueueJob, QUEUES, RelayAsJob, SystemUnitOfWork, UnitOfWork } from '@saler/platform';
import { Note } from '../support/notes/note.entity';
import { CreateNoteCommand, ListNotesQuery, MarkNoteRelayedCommand, NoteCreated, NotesModule, NoteView } from '../support/notes/notes';
import { eventually } from '../support/processes';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

@DomainEventType('note.pinned')
class NotePinned extends DomainEvent<{ noteId: string }> {}

/** note.pinned's one consumer is a job: the relay enqueues it itself. */
@Injectable()
@RelayAsJob(NotePinned, QUEUES.MAINTENANCE, 'note.pin')
class PinJobOnNotePinned implements EventJobRoute<NotePinned> {
  job(event: NotePinned) {
    return { payload: { noteId: event.payload.noteId }, jobId: `note.pin.${event.payload.noteId}` };
  }
}

@Injectable()
@JobProcessor(QUEUES.MAINTENANCE, 'note.pin')
class PinProcessor implements JobHandler<{ noteId: string }> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<{ noteId: string }>): Promise<void> {
    await this.commandBus.execute(new MarkNoteRelayedCommand(jobContext(job), job.data.payload.noteId));
  }
}

@Module({ providers: [PinJobOnNotePinned, PinProcessor] })
class PinsModule {}

/** A route for an event that also has an @EventsHandler (NotesModule's for note.created). */
@Injectable()
@RelayAsJob(NoteCreated, QUEUES.MAINTENANCE, 'note.created.twice')
class ConflictingRoute implements EventJobRoute<NoteCreated> {
  job(event: NoteCreated) {
    return { payload: {}, jobId: event.id };
  }
}

@Module({ providers: [ConflictingRoute] })
class ConflictingRouteModule {}



describe(`outbox relay (${process.env.TEST_DB_DRIVER}, inline queue)`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('in a consuming process', () => {
    let app: INestApplicationContext;

    beforeAll(async () => {
      app = await createTestApp(db, { modules: [NotesModule, PinsModule], consumeQueues: true });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('delivers a committed event to its @EventsHandler after commit, and marks the row published', async () => {
      const tenantId = newId();
      const created: NoteView = await app.get(CommandBus).execute(new CreateNoteCommand(contextOf(tenantId), 'relay me'));
      const [relayed] = await eventually(
        () => app.get(QueryBus).execute(new ListNotesQuery(contextOf(tenantId))) as Promise<NoteView[]>,
        (notes) => notes[0]?.relayedAt !== null,
      );
      expect(relayed).toMatchObject({ id: created.id, relayedAt: expect.any(String) });
      const rows = await app.get(SystemUnitOfWork).run((manager) => manager.getRepository(OutboxMessage).find());
      const row = rows.find((candidate) => (candidate.payload as { noteId: string }).noteId === created.id);
      expect(row?.publishedAt).toBeInstanceOf(Date);
    });

    it('enqueues the job of an event relayed as a job (@RelayAsJob) itself, and marks the row published', async () => {
      const tenantId = newId();
      const noteId = newId();
      await app.get(UnitOfWork).run(contextOf(tenantId), async (tx) => {
        await tx.repository(Note).insert({ id: noteId, body: 'pin me', relayedAt: null, createdAt: new Date() });
        tx.publish(new NotePinned(tx.context, { noteId }));
      });
      const [pinned] = await eventually(
        () => app.get(QueryBus).execute(new ListNotesQuery(contextOf(tenantId))) as Promise<NoteView[]>,
        (notes) => notes[0]?.relayedAt !== null,
      );
      expect(pinned).toMatchObject({ id: noteId, relayedAt: expect.any(String) });
      const rows = await app.get(SystemUnitOfWork).run((manager) => manager.getRepository(OutboxMessage).find({ where: { tenantId, type: 'note.pinned' } }));
      expect(rows.map((row) => row.publishedAt)).toEqual([expect.any(Date)]);
    });

    it('refuses to start when an event relayed as a job also has an @EventsHandler, which would never see it', async () => {
      await expect(createTestApp(db, { modules: [NotesModule, ConflictingRouteModule], consumeQueues: true })).rejects.toThrow('NoteCreated is relayed as a job (@RelayAsJob) and also has an @EventsHandler, which would never see it');
    });
  });

  describe('with several relays at once', () => {
    let app: INestApplicationContext;

    beforeAll(async () => {
      app = await createTestApp(db, { modules: [NotesModule], consumeQueues: false, env: { OUTBOX_BATCH_SIZE: '25' } });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('claims every row exactly once (FOR UPDATE SKIP LOCKED)', async () => {
      const tenants = [newId(), newId(), newId()];
      const uow = app.get(UnitOfWork);
      const countRows = () => app.get(SystemUnitOfWork).run((manager) => manager.getRepository(OutboxMessage).count());
      const before = await countRows();
      for (const tenantId of tenants) {
        await uow.run(contextOf(tenantId), async (tx) => {
          for (let i = 0; i < 100; i++) tx.publish(new NoteCreated(tx.context, { noteId: newId() }));
        });
      }
      const relay = app.get(OutboxRelay);
      let total = 0;
      for (;;) {
        const sent = await Promise.all([relay.relayOnce(), relay.relayOnce(), relay.relayOnce(), relay.relayOnce()]);
        total += sent.reduce((sum, n) => sum + n, 0);
        if (sent.every((n) => n === 0)) break;
      }
      expect(total).toBe(300);
      const unpublished = await app
        .get(SystemUnitOfWork)
        .run((manager) => manager.getRepository(OutboxMessage).createQueryBuilder('o').where('o.publishedAt IS NULL').getCount());
      expect(await countRows()).toBe(before + 300);
      expect(unpublished).toBe(0);
    });
  });

  describe('purge', () => {
    let app: INestApplicationContext;

    beforeAll(async () => {
      app = await createTestApp(db, { modules: [NotesModule], consumeQueues: false });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('deletes only rows published before the cutoff, across tenants', async () => {
      const system = app.get(SystemUnitOfWork);
      const uow = app.get(UnitOfWork);
      const ids: Record<'old' | 'recent' | 'pending', string[]> = { old: [], recent: [], pending: [] };
      for (const tenantId of [newId(), newId()]) {
        await uow.run(contextOf(tenantId), async (tx) => {
          for (const kind of ['old', 'recent', 'pending'] as const) {
            const event = new NoteCreated(tx.context, { noteId: newId() });
            ids[kind].push(event.id);
            tx.publish(event);
          }
        });
      }
      const day = 24 * 60 * 60 * 1000;
      await system.run(async (manager) => {
        const repository = manager.getRepository(OutboxMessage);
        for (const id of ids.old) await repository.update({ id }, { publishedAt: new Date(Date.now() - 10 * day) });
        for (const id of ids.recent) await repository.update({ id }, { publishedAt: new Date(Date.now() - day) });
      });
      const purged = await app.get(CommandBus).execute(new PurgePublishedOutboxCommand(new Date(Date.now() - 7 * day)));
      expect(purged).toBeGreaterThanOrEqual(2);
      const remaining = new Set((await system.run((manager) => manager.getRepository(OutboxMessage).find())).map((row) => row.id));
      for (const id of ids.old) expect(remaining.has(id)).toBe(false);
      for (const id of [...ids.recent, ...ids.pending]) expect(remaining.has(id)).toBe(true);
    });
  });
});
