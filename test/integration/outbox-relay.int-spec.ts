import { INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { In } from 'typeorm';
import { DomainEvent, DomainEventType, EventJobRoute, JobHandler, jobContext, JobProcessor, newId, OutboxMessage, OutboxRelay, PurgePublishedOutboxCommand, QUEUE_DRIVER, QueueDriver, QueueJob, QUEUES, RelayAsJob, SystemUnitOfWork, UnitOfWork } from '@saler/platform';
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
  payload([event]: NotePinned[]) {
    return { noteId: event.payload.noteId };
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
  payload() {
    return {};
  }
}

@Module({ providers: [ConflictingRoute] })
class ConflictingRouteModule {}

@DomainEventType('note.starred')
class NoteStarred extends DomainEvent<{ noteId: string }> {}

interface StarsJob {
  noteIds: string[];
  requestIds: string[];
}

/** note.starred relayed in jobs of up to 3 of a tenant's events; each job is recorded as it is run. */
@Injectable()
@RelayAsJob(NoteStarred, QUEUES.MAINTENANCE, 'note.star', { batch: 3 })
class StarJobOnNotesStarred implements EventJobRoute<NoteStarred> {
  payload(events: NoteStarred[]): StarsJob {
    return { noteIds: events.map((event) => event.payload.noteId), requestIds: events.map((event) => event.context.requestId) };
  }
}

const starJobs: QueueJob<StarsJob>[] = [];

@Injectable()
@JobProcessor(QUEUES.MAINTENANCE, 'note.star')
class StarProcessor implements JobHandler<StarsJob> {
  async process(job: QueueJob<StarsJob>): Promise<void> {
    starJobs.push(job);
  }
}

@Module({ providers: [StarJobOnNotesStarred, StarProcessor] })
class StarsModule {}
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
      app = await createTestApp(db, { modules: [NotesModule, PinsModule, StarsModule], consumeQueues: true });
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

    it("relays a route's events in jobs of up to its batch per tenant, in the order written, each event with its request; claimed again, none twice", async () => {
      const [first, second] = [newId(), newId()];
      const events = [...Array.from({ length: 4 }, () => first), second, ...Array.from({ length: 3 }, () => first), second].map((tenantId) => ({
        tenantId,
        id: newId(),
        noteId: newId(),
        requestId: newId(),
      }));
      const system = app.get(SystemUnitOfWork);
      // Written in one transaction, so that one relay pass claims them all.
      await system.run((manager) =>
        manager.getRepository(OutboxMessage).insert(
          events.map(({ tenantId, id, noteId, requestId }) => ({ tenantId, id, type: NoteStarred.type, payload: { noteId }, actorType: 'user', actorId: null, requestId, occurredAt: new Date(), publishedAt: null })),
        ),
      );
      const of = (tenantId: string) => events.filter((event) => event.tenantId === tenantId);
      const jobsOf = (tenantId: string) => starJobs.filter((job) => job.data.tenantId === tenantId);
      await eventually(async () => jobsOf(first).length + jobsOf(second).length, (count) => count === 4);

      const firstBatches = [of(first).slice(0, 3), of(first).slice(3, 6), of(first).slice(6)];
      expect(jobsOf(first).map((job) => job.data.payload)).toEqual(firstBatches.map((batch) => ({ noteIds: batch.map((event) => event.noteId), requestIds: batch.map((event) => event.requestId) })));
      expect(jobsOf(first).map((job) => job.data.requestId)).toEqual(firstBatches.map(([head]) => head.requestId));
      expect(jobsOf(second).map((job) => job.data.payload)).toEqual([{ noteIds: of(second).map((event) => event.noteId), requestIds: of(second).map((event) => event.requestId) }]);
      // One event's job has its row's id; several events' jobs a digest of theirs.
      expect(jobsOf(first)[2].id).toBe(of(first)[6].id);
      expect(new Set([...jobsOf(first), ...jobsOf(second)].map((job) => job.id)).size).toBe(4);
      expect([...jobsOf(first).slice(0, 2), ...jobsOf(second)].every((job) => /^batch\.[\w-]+$/.test(job.id))).toBe(true);
      const published = async () => (await system.run((manager) => manager.getRepository(OutboxMessage).findBy({ type: NoteStarred.type }))).filter((row) => events.some((event) => event.id === row.id));
      expect((await published()).every((row) => row.publishedAt !== null)).toBe(true);

      // A relay that enqueued its jobs but failed to mark the rows published claims them again: the same jobs, not run twice.
      const ran = starJobs.length;
      await system.run((manager) => manager.getRepository(OutboxMessage).update({ id: In(events.map((event) => event.id)) }, { publishedAt: null }));
      await eventually(published, (rows) => rows.every((row) => row.publishedAt !== null));
      await eventually(() => app.get<QueueDriver>(QUEUE_DRIVER).counts(QUEUES.MAINTENANCE), (counts) => counts.waiting + counts.active === 0);
      expect(starJobs.length).toBe(ran);
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
